package dev.monitor.agent.endpoint;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One client connection of the monitor port and where it is: reading a request head, handed to
 * a worker, or writing an answer. Only the server's IO thread touches it.
 */
final class Connection {

  enum State {
    /** Waiting for the bytes of a request head, within {@link #deadlineNanos}. */
    READING,
    /** A worker is computing the answer; nothing is read meanwhile. */
    BUSY,
    /** The answer is being written, within {@link #deadlineNanos} of the last progress. */
    WRITING
  }

  final SocketChannel channel;
  final SelectionKey key;
  final byte[] head;
  int filled;
  State state = State.READING;
  long deadlineNanos;
  ByteBuffer out;
  boolean closeAfterWrite;
  boolean closed;

  Connection(SocketChannel channel, SelectionKey key, int maxHead, long deadlineNanos) {
    this.channel = channel;
    this.key = key;
    this.head = new byte[maxHead];
    this.deadlineNanos = deadlineNanos;
  }

  /** Index just past the blank line that ends the head in {@code head[0..filled)}, or -1. */
  int headEnd(int searchFrom) {
    for (int i = Math.max(0, searchFrom); i < filled; i++) {
      if (head[i] != '\n') {
        continue;
      }
      if (i >= 1 && head[i - 1] == '\n') {
        return i + 1;
      }
      if (i >= 2 && head[i - 1] == '\r' && head[i - 2] == '\n') {
        return i + 1;
      }
    }
    return -1;
  }

  /** Drops the first {@code count} bytes (a served head), keeping any pipelined bytes after it. */
  void consume(int count) {
    System.arraycopy(head, count, head, 0, filled - count);
    filled -= count;
  }

  /** Drops empty lines before a request line, as RFC 9112 asks servers to. */
  void skipLeadingLineEnds() {
    int skip = 0;
    while (skip < filled && (head[skip] == '\r' || head[skip] == '\n')) {
      skip++;
    }
    if (skip > 0) {
      consume(skip);
    }
  }
}
