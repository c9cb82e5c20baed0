package dev.monitor.agent.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monitor.agent.endpoint.MetricsExposition.Format;
import dev.monitor.agent.metrics.HistogramData;
import dev.monitor.agent.metrics.MetricFamily;
import dev.monitor.agent.metrics.MetricFamily.Kind;
import dev.monitor.agent.metrics.MetricPoint;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricsExpositionTest {

  static final String[] NONE = new String[0];

  static MetricFamily family(String name, String unit, Kind kind, MetricPoint... points) {
    return new MetricFamily(name, "help \\ text\nline", unit, kind, Arrays.asList(points));
  }

  static String write(List<MetricFamily> families, Format format, Set<String> names) {
    return new String(
        MetricsExposition.write(families, Collections.singletonMap("service.name", "orders"), format, names),
        StandardCharsets.UTF_8);
  }

  static final List<MetricFamily> FAMILIES =
      Arrays.asList(
          family("jvm.memory.used", "By", Kind.UP_DOWN_COUNTER, new MetricPoint(new String[] {"a.b"}, new String[] {"x"}, 5)),
          family("jvm.cpu.time", "s", Kind.COUNTER, new MetricPoint(NONE, NONE, 1.5)),
          family("http.server.active_requests", "{request}", Kind.UP_DOWN_COUNTER,
              new MetricPoint(new String[] {"a.b", "absent"}, new String[] {"q\"uote\\back\nline", null}, 2)),
          family("http.server.request.duration", "s", Kind.HISTOGRAM,
              new MetricPoint(new String[] {"route"}, new String[] {"/a"},
                  new HistogramData(4, 0.7, new double[] {0.1, 0.25}, new long[] {1, 2, 1}))),
          family("jvm.gc.duration", "s", Kind.HISTOGRAM));

  @Test
  void textFormatNamesTheCounterFamilyWithItsTotal() {
    assertEquals(
        "# HELP http_server_active_requests help \\\\ text\\nline\n"
            + "# TYPE http_server_active_requests gauge\n"
            + "http_server_active_requests{a_b=\"q\\\"uote\\\\back\\nline\"} 2.0\n"
            + "# HELP http_server_request_duration_seconds help \\\\ text\\nline\n"
            + "# TYPE http_server_request_duration_seconds histogram\n"
            + "http_server_request_duration_seconds_bucket{route=\"/a\",le=\"0.1\"} 1\n"
            + "http_server_request_duration_seconds_bucket{route=\"/a\",le=\"0.25\"} 3\n"
            + "http_server_request_duration_seconds_bucket{route=\"/a\",le=\"+Inf\"} 4\n"
            + "http_server_request_duration_seconds_count{route=\"/a\"} 4\n"
            + "http_server_request_duration_seconds_sum{route=\"/a\"} 0.7\n"
            + "# HELP jvm_cpu_time_seconds_total help \\\\ text\\nline\n"
            + "# TYPE jvm_cpu_time_seconds_total counter\n"
            + "jvm_cpu_time_seconds_total 1.5\n"
            + "# HELP jvm_memory_used_bytes help \\\\ text\\nline\n"
            + "# TYPE jvm_memory_used_bytes gauge\n"
            + "jvm_memory_used_bytes{a_b=\"x\"} 5.0\n"
            + "# HELP target_info Target metadata\n"
            + "# TYPE target_info gauge\n"
            + "target_info{service_name=\"orders\"} 1\n",
        write(FAMILIES, Format.TEXT, null));
  }

  @Test
  void openMetricsNamesTheFamilyWithoutTotalAndGivesUnitsAndEof() {
    String text = write(FAMILIES, Format.OPENMETRICS, null);
    assertTrue(text.contains("# TYPE jvm_cpu_time_seconds counter\n# UNIT jvm_cpu_time_seconds seconds\n"
        + "# HELP jvm_cpu_time_seconds help \\\\ text\\nline\njvm_cpu_time_seconds_total 1.5\n"), text);
    assertTrue(text.contains("# TYPE target info\n# HELP target Target metadata\ntarget_info{service_name=\"orders\"} 1\n"), text);
    assertTrue(text.endsWith("# EOF\n"), text);
  }

  @Test
  void nameFiltersMatchAnySampleNameOfAFamily() {
    assertEquals(
        "# HELP jvm_cpu_time_seconds_total help \\\\ text\\nline\n# TYPE jvm_cpu_time_seconds_total counter\njvm_cpu_time_seconds_total 1.5\n",
        write(FAMILIES, Format.TEXT, Set.of("jvm_cpu_time_seconds_total")));
    String histogram = write(FAMILIES, Format.TEXT, Set.of("http_server_request_duration_seconds_bucket", "target_info"));
    assertTrue(histogram.startsWith("# HELP http_server_request_duration_seconds "), histogram);
    assertTrue(histogram.endsWith("target_info{service_name=\"orders\"} 1\n"), histogram);
    assertEquals("", write(FAMILIES, Format.TEXT, Set.of("nothing_here")));
  }

  @Test
  void negotiatesLikePrometheusAsks() {
    String prometheus242 =
        "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
            + "text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
    assertEquals(Format.OPENMETRICS, MetricsExposition.negotiate(prometheus242, null));
    assertEquals(Format.TEXT, MetricsExposition.negotiate("text/plain;version=0.0.4", null));
    assertEquals(Format.TEXT, MetricsExposition.negotiate(null, null));
    assertEquals(Format.TEXT, MetricsExposition.negotiate("application/openmetrics-text; q=0", null));
    assertEquals(Format.TEXT, MetricsExposition.negotiate(prometheus242, "text"));
    assertEquals(Format.OPENMETRICS, MetricsExposition.negotiate(null, "openmetrics"));
    assertEquals("application/openmetrics-text; version=1.0.0; charset=utf-8", Format.OPENMETRICS.contentType());
    assertEquals("text/plain; version=0.0.4; charset=utf-8", Format.TEXT.contentType());
  }

  @Test
  void aFamilyWithCollidingLabelsIsLeftOutAlone() {
    Map<String, String> resource = new LinkedHashMap<>();
    List<MetricFamily> families =
        Arrays.asList(
            family("bad", null, Kind.GAUGE, new MetricPoint(new String[] {"a.b", "a_b"}, new String[] {"1", "2"}, 1)),
            family("good", null, Kind.GAUGE, new MetricPoint(NONE, NONE, 3)));
    String text = new String(MetricsExposition.write(families, resource, Format.TEXT, null), StandardCharsets.UTF_8);
    assertTrue(text.contains("good 3.0\n"), text);
    assertTrue(!text.contains("bad"), text);
  }
}
