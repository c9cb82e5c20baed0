package dev.monitor.it.apps.war;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** {@link JakartaWarServlet} for Tomcat 9 (javax.servlet). */
public class JavaxWarServlet extends HttpServlet {

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
