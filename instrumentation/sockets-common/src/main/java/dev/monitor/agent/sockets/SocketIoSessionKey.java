package dev.monitor.agent.sockets;

/** A client in one namespace: its session id and the namespace's name. Immutable. */
final class SocketIoSessionKey {

  private final Object session;
  private final String namespace;

  SocketIoSessionKey(Object session, String namespace) {
    this.session = session;
    this.namespace = namespace;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SocketIoSessionKey)) {
      return false;
    }
    SocketIoSessionKey other = (SocketIoSessionKey) o;
    return session.equals(other.session) && namespace.equals(other.namespace);
  }

  @Override
  public int hashCode() {
    return session.hashCode() * 31 + namespace.hashCode();
  }
}
