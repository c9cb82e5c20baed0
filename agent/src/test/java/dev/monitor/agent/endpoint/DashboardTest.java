package dev.monitor.agent.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monitor.agent.config.HttpServerSettings;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DashboardTest {

  private final Dashboard dashboard = new Dashboard();

  private static String text(Response response) {
    return new String(response.body, StandardCharsets.UTF_8);
  }

  @Test
  void thePageIsServedAtTheRootAndAtDashboard() {
    for (String path : new String[] {"/", "/dashboard"}) {
      Response page = dashboard.answer(path);
      assertEquals(200, page.status, path);
      assertEquals("text/html; charset=utf-8", page.contentType, path);
      assertTrue(text(page).contains("<script src=\"/dashboard/dashboard.js\">"), path);
      assertEquals(Dashboard.CONTENT_SECURITY_POLICY, page.headers.get("Content-Security-Policy"));
      assertEquals("no-cache", page.headers.get("Cache-Control"));
    }
  }

  @Test
  void everyFileThePageNamesIsInTheJarWithItsType() {
    // uPlot from its webjar (Dashboard.UPLOT_VERSION must be agent/pom.xml's version)
    Response uplot = dashboard.answer("/dashboard/uPlot.iife.min.js");
    assertEquals(200, uplot.status);
    assertEquals("text/javascript; charset=utf-8", uplot.contentType);
    assertTrue(text(uplot).contains("uPlot"), "the webjar's script");
    assertEquals("text/css; charset=utf-8", dashboard.answer("/dashboard/uPlot.min.css").contentType);
    assertTrue(text(dashboard.answer("/dashboard/uPlot.LICENSE")).contains("MIT"));
    assertTrue(text(dashboard.answer("/dashboard/dashboard.js")).contains("/metrics/history"));
    assertEquals(200, dashboard.answer("/dashboard/dashboard.css").status);
    String page = text(dashboard.answer("/"));
    for (String file : new String[] {"/dashboard/uPlot.min.css", "/dashboard/dashboard.css", "/dashboard/uPlot.iife.min.js"}) {
      assertTrue(page.contains("\"" + file + "\""), file);
      assertTrue(Dashboard.serves(file), file);
    }
  }

  @Test
  void otherPathsAreNotThePages() {
    assertNull(dashboard.answer("/dashboard/../metrics"));
    assertNull(dashboard.answer("/dashboard/other.js"));
    assertEquals(false, Dashboard.serves("/index.html"));
  }

  @Test
  void thePagesFilesNeedNoTokenButWhatTheyFetchDoes() {
    AccessPolicy policy =
        new AccessPolicy(HttpServerSettings.of("0.0.0.0", 0).withToken("s3cret-token-0123456789", Set.of()), false);
    assertNull(policy.refuse(Request.of("GET", "/", Collections.emptyMap())));
    assertNull(policy.refuse(Request.of("GET", "/dashboard/dashboard.js", Collections.emptyMap())));
    for (String data : new String[] {"/metrics/history", "/metrics.json", "/health/detailed", "/health/alerts"}) {
      assertEquals(401, policy.refuse(Request.of("GET", data, Collections.emptyMap())).status, data);
    }
  }
}
