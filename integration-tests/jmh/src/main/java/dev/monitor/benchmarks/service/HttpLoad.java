package dev.monitor.benchmarks.service;

import dev.monitor.benchmarks.HttpResponses;
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
      return HttpResponses.read(new BufferedInputStream(s.getInputStream())) & HttpResponses.STATUS;
    } catch (IOException e) {
      return -1;
    }
  }

  private static byte[] request(String path, boolean keepAlive) {
    return ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + (keepAlive ? "" : "Connection: close\r\n") + "\r\n")
        .getBytes(StandardCharsets.US_ASCII);
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
            int answer = HttpResponses.read(in);
            latency.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
            requests++;
            int status = answer & HttpResponses.STATUS;
            if (status < 200 || status >= 300) {
              failures++;
            }
            open = (answer & HttpResponses.CLOSES) == 0;
          }
        } catch (IOException | RuntimeException e) {
          failures++;
        }
      }
    }
  }
}
