package dev.monitor.agent.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monitor.agent.metrics.HistogramData;
import dev.monitor.agent.metrics.MetricFamily;
import dev.monitor.agent.metrics.MetricFamily.Kind;
import dev.monitor.agent.metrics.MetricPoint;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusWriterTest {

  static MetricFamily family(String name, String unit, Kind kind, MetricPoint... points) {
    return new MetricFamily(name, "help \\ text\nline", unit, kind, Arrays.asList(points));
  }

  @Test
  void translatesNamesUnitsAndKinds() {
    String[] k = {"a.b"};
    String text =
        PrometheusWriter.write(
            Arrays.asList(
                family("jvm.memory.used", "By", Kind.UP_DOWN_COUNTER, new MetricPoint(k, new String[] {"x"}, 5)),
                family("jvm.cpu.recent_utilization", "1", Kind.GAUGE, new MetricPoint(new String[0], new String[0], 0.25)),
                family("jvm.cpu.time", "s", Kind.COUNTER, new MetricPoint(new String[0], new String[0], 1.5)),
                family("http.server.active_requests", "{request}", Kind.UP_DOWN_COUNTER,
                    new MetricPoint(k, new String[] {"q\"uote\\back\nline"}, 2))),
            Collections.singletonMap("service.name", "orders"));
    assertTrue(text.startsWith("# HELP target_info Target metadata\n# TYPE target_info gauge\ntarget_info{service_name=\"orders\"} 1\n"), text);
    assertTrue(text.contains("# HELP jvm_memory_used_bytes help \\\\ text\\nline\n# TYPE jvm_memory_used_bytes gauge\njvm_memory_used_bytes{a_b=\"x\"} 5\n"), text);
    assertTrue(text.contains("# TYPE jvm_cpu_recent_utilization_ratio gauge\njvm_cpu_recent_utilization_ratio 0.25\n"), text);
    assertTrue(text.contains("# TYPE jvm_cpu_time_seconds counter\njvm_cpu_time_seconds_total 1.5\n"), text);
    assertTrue(text.contains("http_server_active_requests{a_b=\"q\\\"uote\\\\back\\nline\"} 2\n"), text);
  }

  @Test
  void histogramsAreCumulativeWithInfSumAndCount() {
    HistogramData h = new HistogramData(4, 0.7, new double[] {0.1, 0.25}, new long[] {1, 2, 1});
    String text =
        PrometheusWriter.write(
            Collections.singletonList(
                family("http.server.request.duration", "s", Kind.HISTOGRAM,
                    new MetricPoint(new String[] {"route", "error.type"}, new String[] {"/a", null}, h))),
            new LinkedHashMap<>());
    assertEquals(
        "# HELP target_info Target metadata\n# TYPE target_info gauge\ntarget_info 1\n"
            + "# HELP http_server_request_duration_seconds help \\\\ text\\nline\n"
            + "# TYPE http_server_request_duration_seconds histogram\n"
            + "http_server_request_duration_seconds_bucket{route=\"/a\",le=\"0.1\"} 1\n"
            + "http_server_request_duration_seconds_bucket{route=\"/a\",le=\"0.25\"} 3\n"
            + "http_server_request_duration_seconds_bucket{route=\"/a\",le=\"+Inf\"} 4\n"
            + "http_server_request_duration_seconds_sum{route=\"/a\"} 0.7\n"
            + "http_server_request_duration_seconds_count{route=\"/a\"} 4\n",
        text);
  }

  @Test
  void emptyFamiliesAreLeftOut() {
    Map<String, String> none = new LinkedHashMap<>();
    String text = PrometheusWriter.write(Collections.singletonList(family("jvm.gc.duration", "s", Kind.HISTOGRAM)), none);
    assertEquals("# HELP target_info Target metadata\n# TYPE target_info gauge\ntarget_info 1\n", text);
  }
}
