package dev.monitor.agent.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OtlpExportTest {

  @Test
  void aBaseEndpointGetsTheMetricsPath() {
    assertEquals("http://collector:4318/v1/metrics", OtlpExport.metricsUrl("http://collector:4318"));
    assertEquals("http://collector:4318/v1/metrics", OtlpExport.metricsUrl("http://collector:4318/"));
    assertEquals("https://otlp.example.com/v1/metrics", OtlpExport.metricsUrl("https://otlp.example.com/v1/metrics"));
    assertEquals("https://gw.example.com/otlp/v1/metrics", OtlpExport.metricsUrl("https://gw.example.com/otlp"));
  }
}
