package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * An annotated jakarta.websocket endpoint on Tomcat 10.1, which wraps it in an Endpoint and a
 * MessageHandler of its own; plus a programmatic endpoint whose handler is a lambda.
 */
class WebSocketTomcatJakartaTest extends WebSocketScenario {

  @Override
  String mainClass() {
    return "dev.monitor.it.apps.WebSocketTomcatApp";
  }

  /** Tomcat closes a session whose handler threw; the close reason it reports is 1006. */
  @Override
  String closeClassAfterHandlerError() {
    return "abnormal";
  }

  @Test
  @Order(100)
  void countsAProgrammaticEndpointWithALambdaHandler() throws Exception {
    Scrape before = app.scrape();
    WsClient client = WsClient.connect(url("/ws/prog"));
    for (int i = 0; i < 3; i++) {
      assertEquals("prog:p" + i, client.ask("p" + i));
    }
    client.close(1001);
    Scrape scrape = awaitSum(1, "websocket_server_sessions_closed_total", "websocket_endpoint", "/ws/prog");
    assertEquals(1, scrape.sum("websocket_server_sessions_closed_total", "websocket_endpoint", "/ws/prog", "websocket_close_class", "going_away"));
    assertEquals(3, scrape.sum(MESSAGES, "direction", "received") - before.sum(MESSAGES, "direction", "received"));
    assertEquals(3, scrape.sum(MESSAGES, "direction", "sent") - before.sum(MESSAGES, "direction", "sent"));
    assertEquals(0, scrape.sum(ACTIVE));
  }
}
