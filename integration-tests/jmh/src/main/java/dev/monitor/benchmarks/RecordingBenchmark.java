package dev.monitor.benchmarks;

import dev.monitor.bootstrap.HttpServerBridge;
import dev.monitor.bootstrap.SocketBridge;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The bare recording path: what the inlined advice calls, with no library around it. Without
 * the agent the bridge's recorder is its no-op; with it, the calls reach the agent's recorders
 * (the boot class path's bridge wins over this jar's copy), so the difference is the whole
 * per-call cost of recording: route resolution, series look-up, histogram write, counters.
 * {@code http*} is one servlet request ({@code /api/users/42} resolved to
 * {@code /api/users/{id}}, 200); {@code socketIoEvent} one handled Socket.IO event. The
 * {@code Contended} variants run on two threads at once, on the same series.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecordingBenchmark {

  @Benchmark
  public long httpRequest() {
    return recordRequest();
  }

  @Benchmark
  @Threads(2)
  public long httpRequestContended() {
    return recordRequest();
  }

  /**
   * Requests on one route with ids that change every time ({@code /api/users/0} to {@code 4095}):
   * more paths than a thread keeps as recent, so each is templated from its path.
   */
  @Benchmark
  public long httpRequestManyIds() {
    String path = MANY_IDS[next++ & (MANY_IDS.length - 1)];
    long start = HttpServerBridge.enter("GET");
    long end = HttpServerBridge.leave();
    HttpServerBridge.exit(start, end, "GET", "", path, null, 200, null, null, null);
    return end;
  }

  /** A framework's template (Spring MVC's best matching pattern), the same text every request. */
  @Benchmark
  public long httpRequestTemplated() {
    long start = HttpServerBridge.enter("GET");
    long end = HttpServerBridge.leave();
    HttpServerBridge.exit(start, end, "GET", "", "/api/users/42", "/api/users/{id}", 200, null, null, null);
    return end;
  }

  static final String[] MANY_IDS = new String[4096];

  static {
    for (int i = 0; i < MANY_IDS.length; i++) {
      MANY_IDS[i] = "/api/users/" + i;
    }
  }

  int next;

  @Benchmark
  public long socketIoEvent() {
    long start = SocketBridge.socketIoEventStarted();
    SocketBridge.socketIoEventHandled("/chat", "message", start, null);
    return start;
  }

  private static long recordRequest() {
    long start = HttpServerBridge.enter("GET");
    long end = HttpServerBridge.leave();
    HttpServerBridge.exit(start, end, "GET", "", "/api/users/42", null, 200, null, null, null);
    return end;
  }
}
