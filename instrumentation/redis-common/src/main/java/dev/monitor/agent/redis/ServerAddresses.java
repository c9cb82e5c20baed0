package dev.monitor.agent.redis;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Where a client connection points, read once per connection by reflection (so the agent needs
 * no client library on its class path). Only the host and port are read; the client's
 * configuration, which holds the password, is never touched. Every method returns null when
 * the library's shape is not the one expected.
 */
final class ServerAddresses {

  private ServerAddresses() {}

  /**
   * A Jedis {@code Connection}'s server, from the first of these that answers: the public
   * {@code getHostAndPort()} (Jedis 8); its socket factory's {@code getHostAndPort()} (Jedis 4 to
   * 7, where the connection's own is package-private; every {@code JedisPool},
   * {@code JedisPooled}, sentinel and cluster connection has a {@code DefaultJedisSocketFactory},
   * which a sentinel pool re-points on fail-over); the connected socket's remote address (a
   * custom socket factory); {@code getHost()}/{@code getPort()} (Jedis 3). TLS when its socket is
   * an {@code SSLSocket}.
   */
  static Address ofJedis(Object connection) throws ReflectiveOperationException {
    Object socket = fieldValue(connection, "socket");
    boolean tls = socket instanceof javax.net.ssl.SSLSocket;
    Address address = hostAndPort(connection, tls);
    if (address == null) {
      Object factory = fieldValue(connection, "socketFactory");
      address = factory == null ? null : hostAndPort(factory, tls);
    }
    if (address == null && socket instanceof java.net.Socket) {
      SocketAddress remote = ((java.net.Socket) socket).getRemoteSocketAddress();
      if (remote instanceof InetSocketAddress) {
        // getHostString: the name the socket was opened with, never a reverse look-up
        address = new Address(((InetSocketAddress) remote).getHostString(), ((InetSocketAddress) remote).getPort(), tls);
      }
    }
    if (address == null) {
      Method getHost = publicMethod(connection.getClass(), "getHost");
      Method getPort = publicMethod(connection.getClass(), "getPort");
      if (getHost != null && getPort != null) {
        address = new Address((String) getHost.invoke(connection), (Integer) getPort.invoke(connection), tls);
      }
    }
    return address;
  }

  /** {@code target.getHostAndPort()} when public and not null, else null. */
  private static Address hostAndPort(Object target, boolean tls) throws ReflectiveOperationException {
    Method getter = publicMethod(target.getClass(), "getHostAndPort");
    if (getter == null || !java.lang.reflect.Modifier.isPublic(getter.getDeclaringClass().getModifiers())) {
      return null;
    }
    Object hp = getter.invoke(target);
    if (hp == null) {
      return null;
    }
    String host = (String) hp.getClass().getMethod("getHost").invoke(hp);
    int port = (Integer) hp.getClass().getMethod("getPort").invoke(hp);
    return host == null ? null : new Address(host, port, tls);
  }

  /**
   * The Jedis connection behind what a Jedis pool hands out: the object itself (a
   * {@code Connection}), or a {@code Jedis}'s {@code getClient()} (Jedis 3) or
   * {@code getConnection()} (Jedis 4 and later).
   */
  static Object jedisConnectionOf(Object resource) throws ReflectiveOperationException {
    for (String getter : new String[] {"getConnection", "getClient"}) {
      Method m = publicMethod(resource.getClass(), getter);
      if (m != null && m.getParameterCount() == 0) {
        return m.invoke(resource);
      }
    }
    return resource;
  }

  /**
   * A Lettuce connection ({@code RedisChannelHandler}): the netty channel its endpoint holds,
   * reached through {@code getChannelWriter()} and the writers that wrap the endpoint; TLS when
   * the channel's pipeline has netty's {@code SslHandler}.
   */
  static Address ofLettuce(Object connection) throws ReflectiveOperationException {
    Method writerGetter = publicMethod(connection.getClass(), "getChannelWriter");
    if (writerGetter == null) {
      return null;
    }
    Object channel = findChannel(writerGetter.invoke(connection), 0);
    if (channel == null) {
      return null;
    }
    Class<?> channelType = Class.forName("io.netty.channel.Channel", false, channel.getClass().getClassLoader());
    SocketAddress remote = (SocketAddress) channelType.getMethod("remoteAddress").invoke(channel);
    if (!(remote instanceof InetSocketAddress)) {
      return null;
    }
    Object pipeline = channelType.getMethod("pipeline").invoke(channel);
    boolean tls = false;
    if (pipeline != null) {
      Object handlers = pipeline.getClass().getMethod("toMap").invoke(pipeline);
      for (Object handler : ((java.util.Map<?, ?>) handlers).values()) {
        tls |= handler.getClass().getName().endsWith("SslHandler");
      }
    }
    InetSocketAddress inet = (InetSocketAddress) remote;
    return new Address(inet.getHostString(), inet.getPort(), tls);
  }

  /** Depth-first through writer delegates (expiry, listener, cluster writers) to a channel. */
  private static Object findChannel(Object writer, int depth) throws IllegalAccessException {
    if (writer == null || depth > 4) {
      return null;
    }
    for (Class<?> c = writer.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        String type = f.getType().getName();
        if (type.equals("io.netty.channel.Channel")) {
          f.setAccessible(true);
          Object channel = f.get(writer);
          if (channel != null) {
            return channel;
          }
        } else if (type.startsWith("io.lettuce.") && type.endsWith("Writer")
            || type.equals("io.lettuce.core.protocol.Endpoint")) {
          f.setAccessible(true);
          Object found = findChannel(f.get(writer), depth + 1);
          if (found != null) {
            return found;
          }
        }
      }
    }
    return null;
  }

  private static Method publicMethod(Class<?> type, String name) {
    for (Method m : type.getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == 0) {
        return m;
      }
    }
    return null;
  }

  private static Object fieldValue(Object target, String name) throws IllegalAccessException {
    for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.getName().equals(name)) {
          f.setAccessible(true);
          return f.get(target);
        }
      }
    }
    return null;
  }

  /** Host, port and TLS of one connection. Immutable. */
  static final class Address {
    final String host;
    final int port;
    final boolean tls;

    Address(String host, int port, boolean tls) {
      this.host = host;
      this.port = port;
      this.tls = tls;
    }
  }
}
