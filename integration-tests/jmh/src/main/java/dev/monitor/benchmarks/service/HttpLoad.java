package dev.monitor.benchmarks.service;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop HTTP/1.1 load at a fixed concurrency: each worker holds one keep-alive connection
 * and sends its next request as soon as the previous answer is read, so the figures are the
 * server's, not a client library's. Latency goes into an HdrHistogram per worker.
 */
final class HttpLoad {

  /** What a run measured. */
  static final class Result {
    final long requests;
    final long failures;
    final double seconds;
    final Histogram latencyMicros;

    Result(long requests, long failures, double seconds, Histogram latencyMicros) {
      this.requests = requests;
      this.failures = failures;
      this.seconds = seconds;
      this.latencyMicros = latencyMicros;
    }

    double perSecond() {
      return requests / seconds;
    }

    double p99Millis() {
      return latencyMicros.getValueAtPercentile(99) / 1000.0;
    }

    double p50Millis() {
      return latencyMicros.getValueAtPercentile(50) / 1000.0;
    }
  }

  private HttpLoad() {}

  /**
   * Runs {@code concurrency} workers for {@code seconds} against {@code port}; {@code path} gives
   * each request's path from a running number (so ids vary). A non-2xx answer counts as a
   * failure.
   */
  static Result run(int port, int concurrency, double seconds, IntFunction<String> path)
      throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    List<Worker> workers = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      Worker w = new Worker(port, path, i, stop);
      workers.add(w);
    }
    long begin = System.nanoTime();
    for (Worker w : workers) {
      w.start();
    }
    Thread.sleep((long) (seconds * 1000));
    stop.set(true);
    for (Worker w : workers) {
      w.join();
    }
    double elapsed = (System.nanoTime() - begin) / 1e9;
    Histogram all = new Histogram(3_600_000_000L, 3);
    long requests = 0;
    long failures = 0;
    for (Worker w : workers) {
      all.add(w.latency);
      requests += w.requests;
      failures += w.failures;
    }
    return new Result(requests, failures, elapsed, all);
  }

  /** One GET on a fresh connection: the status, or -1 when nothing answers yet. */
  static int status(int port, String path) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      s.setSoTimeout(5_000);
      s.getOutputStream().write(request(path, false));
      return readResponse(new BufferedInputStream(s.getInputStream())) & STATUS;
    } catch (IOException e) {
      return -1;
    }
  }

  private static byte[] request(String path, boolean keepAlive) {
    return ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + (keepAlive ? "" : "Connection: close\r\n") + "\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static final int STATUS = 0xffff;
  private static final int CLOSES = 1 << 16;

  /**
   * Reads one response (status line, headers, a Content-Length or chunked body): its status, with
   * {@link #CLOSES} set when the server closes the connection after it (Tomcat does so after 100
   * requests on one connection).
   */
  private static int readResponse(InputStream in) throws IOException {
    String statusLine = line(in);
    if (statusLine == null || statusLine.length() < 12) {
      throw new IOException("no status line: " + statusLine);
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean closes = false;
    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = h.substring(0, colon).trim();
      String value = h.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        length = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
        chunked = true;
      } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
        closes = true;
      }
    }
    if (chunked) {
      for (long size = Long.parseLong(line(in).trim(), 16); size > 0; size = Long.parseLong(line(in).trim(), 16)) {
        skip(in, size);
        line(in);
      }
      line(in);
    } else if (length > 0) {
      skip(in, length);
    }
    return closes ? status | CLOSES : status;
  }

  private static void skip(InputStream in, long n) throws IOException {
    for (long left = n; left > 0; ) {
      if (in.read() < 0) {
        throw new IOException("the body ended early");
      }
      left--;
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder(64);
    for (int c = in.read(); c >= 0; c = in.read()) {
      if (c == '\n') {
        int last = b.length() - 1;
        return last >= 0 && b.charAt(last) == '\r' ? b.substring(0, last) : b.toString();
      }
      b.append((char) c);
    }
    return b.length() == 0 ? null : b.toString();
  }

  private static final class Worker extends Thread {
    private final int port;
    private final IntFunction<String> path;
    private final AtomicBoolean stop;
    private final Histogram latency = new Histogram(3_600_000_000L, 3);
    private int sequence;
    long requests;
    long failures;

    Worker(int port, IntFunction<String> path, int index, AtomicBoolean stop) {
      super("load-" + index);
      this.port = port;
      this.path = path;
      this.stop = stop;
      this.sequence = index * 7919;
    }

    @Override
    public void run() {
      while (!stop.get()) {
        try (Socket s = new Socket()) {
          s.setTcpNoDelay(true);
          s.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
          s.setSoTimeout(30_000);
          OutputStream out = s.getOutputStream();
          InputStream in = new BufferedInputStream(s.getInputStream(), 8192);
          for (boolean open = true; open && !stop.get(); ) {
            byte[] request = request(path.apply(sequence++), true);
            long start = System.nanoTime();
            out.write(request);
            int answer = readResponse(in);
            latency.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
            requests++;
            int status = answer & STATUS;
            if (status < 200 || status >= 300) {
              failures++;
            }
            open = (answer & CLOSES) == 0;
          }
        } catch (IOException | RuntimeException e) {
          failures++;
        }
      }
    }
  }
}
