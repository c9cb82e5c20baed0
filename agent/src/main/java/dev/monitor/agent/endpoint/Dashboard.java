package dev.monitor.agent.endpoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboard page on the monitor port: {@code /} and {@code /dashboard}, and the files it
 * loads from {@code /dashboard/}. They are static (the page fetches its figures from
 * {@code /metrics/history}, {@code /metrics.json}, {@code /health/detailed} and
 * {@code /health/alerts} with the port's token), so they are served without the token: they
 * hold nothing about the service. uPlot, the charting library, comes from its webjar inside the
 * agent's jar; nothing is fetched from anywhere else (the Content-Security-Policy says so to the
 * browser too). A file is read from the jar the first time it is asked for, so the page costs
 * nothing until someone opens it.
 */
final class Dashboard {

  /** The uPlot version of the webjar in agent/pom.xml. */
  static final String UPLOT_VERSION = "1.6.30";

  private static final String UPLOT = "/META-INF/resources/webjars/uplot/" + UPLOT_VERSION + "/";
  private static final String OWN = "/dev/monitor/agent/dashboard/";

  /** Path on the port, its resource in the jar and its content type. */
  private static final String[][] FILES = {
    {"/", OWN + "index.html", "text/html; charset=utf-8"},
    {"/dashboard", OWN + "index.html", "text/html; charset=utf-8"},
    {"/dashboard/dashboard.js", OWN + "dashboard.js", "text/javascript; charset=utf-8"},
    {"/dashboard/dashboard.css", OWN + "dashboard.css", "text/css; charset=utf-8"},
    {"/dashboard/uPlot.iife.min.js", UPLOT + "dist/uPlot.iife.min.js", "text/javascript; charset=utf-8"},
    {"/dashboard/uPlot.min.css", UPLOT + "dist/uPlot.min.css", "text/css; charset=utf-8"},
    {"/dashboard/uPlot.LICENSE", UPLOT + "LICENSE", "text/plain; charset=utf-8"},
  };

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
          + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

  /** Whether {@code path} is one of the page's files. */
  static boolean serves(String path) {
    return file(path) != null;
  }

  /** The file at {@code path}, or null when it is not one of the page's. */
  Response answer(String path) {
    String[] file = file(path);
    if (file == null) {
      return null;
    }
    byte[] body = loaded.computeIfAbsent(file[1], Dashboard::read);
    if (body.length == 0) {
      return Response.error(500, "the agent's jar lacks " + file[1]);
    }
    return new Response(200, Response.TEXT, "")
        .withBody(file[2], body)
        .with("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .with("X-Content-Type-Options", "nosniff")
        .with("Referrer-Policy", "no-referrer")
        // the page itself is asked again each time (it is small); its files may be kept a day
        .with("Cache-Control", file[1].endsWith(".html") ? "no-cache" : "max-age=86400");
  }

  private static String[] file(String path) {
    for (String[] file : FILES) {
      if (file[0].equals(path)) {
        return file;
      }
    }
    return null;
  }

  private static byte[] read(String resource) {
    try (InputStream in = Dashboard.class.getResourceAsStream(resource)) {
      if (in == null) {
        return new byte[0];
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) {
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      return new byte[0];
    }
  }
}
