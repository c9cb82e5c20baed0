package dev.monitor.agent.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AgentLogTest {

  @Test
  void controlCharactersAreWrittenAsEscapes() {
    StringBuilder out = new StringBuilder();
    AgentLog.appendPrintable(out, "monitor.http.port='\u001b[2J\u001b[31mred\nfake line\r\u0085\u2028' ok \u00e9");
    assertEquals("monitor.http.port='\\x1b[2J\\x1b[31mred\\x0afake line\\x0d\\u0085\\u2028' ok \u00e9", out.toString());
  }
}
