package dev.monitor.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricRegistryTest {

  private final List<String> warnings = new ArrayList<>();
  private final MetricRegistry registry = new MetricRegistry(warnings::add);

  private List<String> exported() {
    List<String> names = new ArrayList<>();
    for (MetricFamily family : registry.collect()) {
      names.add(family.name);
    }
    return names;
  }

  @Test
  void namesThatWouldCollideInPrometheusAreRefusedWithOneWarning() {
    registry.register(new Counter("app.requests", "", "{request}", false, new String[] {"http.route"}, 10));
    registry.register(new Counter("app_requests", "", "{request}", false, new String[] {"k"}, 10));
    registry.register(new Counter("app.requests.total", "", null, false, new String[] {"k"}, 10));
    registry.register(new Counter("app.errors", "", null, false, new String[] {"error.type", "error_type"}, 10));
    registry.register(new LatencyHistogram("app.latency", "", new String[] {"le"}, 10));
    registry.register(new CallbackMetric("app.requests.count", "", null, MetricFamily.Kind.GAUGE, points -> {}));
    registry.register(new LatencyHistogram("app.requests.wait", "", new String[] {"k"}, 10));
    registry.register(new Counter("app.requests.wait.seconds.count", "", null, false, new String[] {"k"}, 10));
    registry.register(new CallbackMetric("target", "", null, MetricFamily.Kind.GAUGE, points -> {}));
    assertEquals(List.of("app.requests", "app.requests.count", "app.requests.wait"), exported());
    assertEquals(
        List.of(
            "app_requests and app.requests would both be exposed as app_requests; app_requests is not exported",
            "the counter app.requests.total would be exposed as app_requests_total_total; app.requests.total is not exported",
            "the attributes error.type and error_type of app.errors would both be exposed as the label error_type; app.errors is not exported",
            "the attributes the bucket bound and le of app.latency would both be exposed as the label le; app.latency is not exported",
            "app.requests.wait.seconds.count and app.requests.wait would both be exposed as app_requests_wait_seconds_count; app.requests.wait.seconds.count is not exported",
            "target and the service's resource would both be exposed as target; target is not exported"),
        warnings);
  }

  @Test
  void aRefusedInstrumentStillRecords() {
    registry.register(new Counter("x", "", null, false, new String[] {"k"}, 10));
    Counter twin = registry.register(new Counter("x", "", null, false, new String[] {"k"}, 10));
    twin.series().get(null).increment();
    assertEquals(1, twin.total());
    assertEquals(1, warnings.size());
  }
}
