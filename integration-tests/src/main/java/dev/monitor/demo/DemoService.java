package dev.monitor.demo;

import java.io.File;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * A small web service on embedded Tomcat 10.1 (jakarta.servlet) with an H2 database behind a
 * HikariCP pool and a Redis cache through a Jedis pool, that knows nothing of the agent:
 * run it with {@code -javaagent:agent/target/monitor.jar} and watch it on port 9464.
 *
 * <p>Settings: {@code demo.port} (8080; 0 picks a free port), {@code demo.selfTraffic} (true: it
 * calls its own endpoints at start and then once a second, so the numbers move at once),
 * {@code demo.redis} (embedded: a redis-server it starts itself; host:port; none).
 */
public final class DemoService {

  private DemoService() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.getInteger("demo.port", 8080);
    Tomcat tomcat = new Tomcat();
    File base = Files.createTempDirectory("monitor-demo").toFile();
    base.deleteOnExit();
    tomcat.setBaseDir(base.getAbsolutePath());
    tomcat.setPort(port);
    if (Boolean.getBoolean("demo.virtualThreads")) {
      // Tomcat 10.1 on Java 21 or later: one virtual thread per request
      tomcat.getConnector().setProperty("useVirtualThreads", "true");
    } else {
      tomcat.getConnector();
    }

    Context context = tomcat.addContext("", base.getAbsolutePath());
    add(context, "hello", new DemoServlets.Hello(), "/api/hello");
    add(context, "slow", new DemoServlets.Slow(), "/api/slow");
    add(context, "users", new DemoServlets.Users(), "/api/users/*");
    add(context, "fail", new DemoServlets.Fail(), "/api/fail");
    add(context, "limited", new DemoServlets.Limited(), "/api/limited");
    add(context, "orders", new DemoServlets.Orders(), "/api/orders");
    add(context, "async", new DemoServlets.Async(), "/api/async");
    add(context, "forward", new DemoServlets.Forward(), "/api/forward");
    javax.sql.DataSource db = DemoDatabase.start();
    add(context, "dbUsers", new DemoServlets.DbUsers(db), "/api/db/users/*");
    add(context, "dbReport", new DemoServlets.DbReport(db), "/api/db/report");
    add(context, "cacheUsers", new DemoServlets.CachedUsers(DemoRedis.start(), db), "/api/cache/users/*");
    // Like Spring's DispatcherServlet at "/": unknown paths are answered 404 by a servlet.
    add(context, "notFound", new DemoServlets.NotFound(), "/");

    FilterDef filter = new FilterDef();
    filter.setFilterName("requestId");
    filter.setFilter(new DemoServlets.RequestIdFilter());
    filter.setAsyncSupported("true");
    context.addFilterDef(filter);
    FilterMap mapping = new FilterMap();
    mapping.setFilterName("requestId");
    mapping.addURLPatternDecoded("/*");
    context.addFilterMap(mapping);

    tomcat.start();
    int bound = tomcat.getConnector().getLocalPort();
    System.out.println("DEMO READY http://localhost:" + bound);
    System.out.println("  try: curl localhost:" + bound + "/api/users/42   then: curl localhost:9464/metrics.json");
    if (Boolean.parseBoolean(System.getProperty("demo.selfTraffic", "true"))) {
      SelfTraffic.start(bound);
    }
    tomcat.getServer().await();
  }

  private static void add(Context context, String name, jakarta.servlet.Servlet servlet, String pattern) {
    Wrapper wrapper = Tomcat.addServlet(context, name, servlet);
    wrapper.setAsyncSupported(true);
    context.addServletMappingDecoded(pattern, name);
  }
}
