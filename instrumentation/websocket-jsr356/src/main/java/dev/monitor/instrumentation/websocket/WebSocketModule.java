package dev.monitor.instrumentation.websocket;

import dev.monitor.instrumentation.api.InstrumentationModule;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * JSR-356 server endpoints in both namespaces ({@code javax.websocket}, {@code jakarta.websocket}):
 * programmatic {@code Endpoint}s (and the container's wrappers of annotated ones, and Spring's
 * adapter), {@code @ServerEndpoint} classes, {@code MessageHandler}s, the remote endpoints that
 * send, and Tomcat's frame dispatch, which reaches handlers written as lambdas (a lambda's class
 * cannot be transformed). The advice takes {@code Object}, so no WebSocket API is compiled in.
 */
public final class WebSocketModule implements InstrumentationModule {

  @Override
  public String name() {
    return "websocket-jsr356";
  }

  @Override
  public List<String> landmarkClassNames() {
    return Collections.singletonList(Names.any("Endpoint"));
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(
        new EndpointInstrumentation(),
        new AnnotatedEndpointInstrumentation(),
        new MessageHandlerInstrumentation(),
        new RemoteEndpointInstrumentation(),
        new TomcatFrameInstrumentation());
  }

  @Override
  public List<String> classFileMarkers() {
    return Arrays.asList(
        "javax/websocket/",
        "jakarta/websocket/");
  }

  @Override
  public List<String> classNames() {
    return Arrays.asList(
        "org.apache.tomcat.websocket.WsFrameBase");
  }
}
