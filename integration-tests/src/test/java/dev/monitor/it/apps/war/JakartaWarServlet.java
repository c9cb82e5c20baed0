package dev.monitor.it.apps.war;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The one servlet of the test WARs for Tomcat 10 and 11 (jakarta.servlet), mapped to {@code /api/*}:
 * {@code /api/hello}, {@code /api/users/<id>}, and {@code /api/fail}, which throws. Its class file is
 * copied into each webapp's {@code WEB-INF/classes}, so each webapp loads it with its own loader.
 */
public class JakartaWarServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    if (path.equals("/fail")) {
      throw new IllegalStateException("failed in " + req.getContextPath());
    }
    if (path.equals("/hello") || path.startsWith("/users/")) {
      resp.getWriter().print(req.getContextPath() + path);
      return;
    }
    resp.sendError(404);
  }
}
