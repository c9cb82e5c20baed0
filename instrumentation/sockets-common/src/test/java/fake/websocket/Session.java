package fake.websocket;

/** Named like {@code javax.websocket.Session}: the agent knows JSR-356 types by name only. */
public interface Session {}
