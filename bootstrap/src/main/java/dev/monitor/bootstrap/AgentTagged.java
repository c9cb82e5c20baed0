package dev.monitor.bootstrap;

/**
 * A field the agent adds, with this interface and its two accessors, to some classes it weaves as
 * they load (a JDBC driver's or pool's statements and connections), so that what the agent notes
 * about an object (its statement's SQL summary, a connection's lease) lives in the object itself:
 * no weakly keyed map entry, no weak reference for the GC to process, gone with the object.
 * Classes loaded before the agent (an agent attached later) have no such field; the agent then
 * falls back to its maps. The odd names keep clear of every method a library could declare.
 */
public interface AgentTagged {

  /** What the agent noted on this object; null for nothing. */
  Object monitor$tag();

  void monitor$tag(Object tag);
}
