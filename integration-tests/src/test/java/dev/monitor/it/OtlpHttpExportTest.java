package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** OTLP/HTTP (protobuf, the collector's port 4318), and a collector answering garbage or slowly. */
class OtlpHttpExportTest extends OtlpExportScenario {

  @Override
  OtlpReceiver startReceiver() throws Exception {
    return OtlpReceiver.started();
  }

  @Override
  String protocol() {
    return "http/protobuf";
  }

  @Override
  String compressionHeader() {
    return "content-encoding";
  }

  /** Short, so that each slow answer below is given up on. */
  @Override
  String timeout() {
    return "500ms";
  }

  @Test
  void aCollectorAnsweringGarbageOrSlowlyNeverTouchesRequests() throws Exception {
    receiver.mode = OtlpReceiver.Mode.GARBAGE;
    assertEquals(200, app.app("/api/users/1").statusCode());
    await(() -> usersPoint(1), "an export while the collector answers garbage");
    assertEquals(0, ChildJvm.occurrences(app.output(), "failed ("), "a 200 with a body that is not a response is still delivered");
    receiver.mode = OtlpReceiver.Mode.SLOW;
    for (int i = 0; i < 10; i++) {
      assertEquals(200, app.app("/api/users/1").statusCode());
      Thread.sleep(100);
    }
    awaitLog("failed (", 1); // the 500 ms timeout gives up on each slow answer; one warning
    receiver.mode = OtlpReceiver.Mode.OK;
    await(() -> usersPoint(11), "every request exported once the collector is quick again");
    awaitLog("works again", 1);
  }
}
