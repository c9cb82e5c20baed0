package dev.monitor.benchmarks;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One servlet request through embedded Tomcat 10.1 on loopback, on a keep-alive connection:
 * {@code request} is a GET and its answer (a loopback round trip, which dwarfs the agent's
 * part); {@code pipelinedRequest} writes 50 GETs at once and reads the 50 answers, so the round
 * trip is shared and the per-request cost (Tomcat's and the agent's) shows.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ServletBenchmark {

  static final int PIPELINE = 50;

  private Tomcat tomcat;
  private Socket socket;
  private OutputStream out;
  private InputStream in;
  private byte[] one;
  private byte[] many;

  /** What the demo's /api/users/{id} does: a small answer with its length set. */
  static final class Users extends HttpServlet {
    private static final byte[] BODY = "{\"id\":\"42\",\"name\":\"user 42\"}".getBytes(StandardCharsets.US_ASCII);

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.setContentType("application/json");
      resp.setContentLength(BODY.length);
      resp.getOutputStream().write(BODY);
    }
  }

  @Setup(Level.Trial)
  public void start() throws IOException, LifecycleException {
    tomcat = new Tomcat();
    File base = Files.createTempDirectory("bench-tomcat").toFile();
    tomcat.setBaseDir(base.getAbsolutePath());
    tomcat.setPort(0);
    tomcat.getConnector().setProperty("maxKeepAliveRequests", "-1");
    Context context = tomcat.addContext("", base.getAbsolutePath());
    Tomcat.addServlet(context, "users", new Users());
    context.addServletMappingDecoded("/api/users/*", "users");
    tomcat.start();
    socket = new Socket("127.0.0.1", tomcat.getConnector().getLocalPort());
    socket.setTcpNoDelay(true);
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    one = "GET /api/users/42 HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    many = new byte[one.length * PIPELINE];
    for (int i = 0; i < PIPELINE; i++) {
      System.arraycopy(one, 0, many, i * one.length, one.length);
    }
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException, LifecycleException {
    socket.close();
    tomcat.stop();
    tomcat.destroy();
  }

  @Benchmark
  public int request() throws IOException {
    out.write(one);
    return HttpResponses.read(in) & HttpResponses.STATUS;
  }

  @Benchmark
  @OperationsPerInvocation(PIPELINE)
  public int pipelinedRequest() throws IOException {
    out.write(many);
    int statuses = 0;
    for (int i = 0; i < PIPELINE; i++) {
      statuses += HttpResponses.read(in) & HttpResponses.STATUS;
    }
    return statuses;
  }
}
