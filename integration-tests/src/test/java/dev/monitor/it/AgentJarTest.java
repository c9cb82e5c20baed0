package dev.monitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import org.junit.jupiter.api.Test;

/** monitor.jar is self-contained and every third-party class is under the agent's own prefix. */
class AgentJarTest {

  @Test
  void everyClassIsUnderTheAgentPrefix() throws Exception {
    List<String> strays = new ArrayList<>();
    int classes = 0;
    try (JarFile jar = new JarFile(ChildJvm.AGENT.toFile())) {
      for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName();
        if (name.endsWith(".class")) {
          classes++;
        }
        if (!name.startsWith("dev/monitor/") && !name.startsWith("META-INF/") && !name.equals("dev/")) {
          strays.add(name);
        }
      }
      assertTrue(strays.isEmpty(), "outside dev/monitor/: " + strays);
      assertTrue(classes > 1000, "Byte Buddy and HdrHistogram are inside: " + classes);
      assertNotNull(jar.getEntry("dev/monitor/shaded/net/bytebuddy/ByteBuddy.class"));
      assertNotNull(jar.getEntry("dev/monitor/shaded/org/HdrHistogram/Recorder.class"));
      Attributes manifest = jar.getManifest().getMainAttributes();
      assertEquals("dev.monitor.agent.AgentMain", manifest.getValue("Premain-Class"));
      assertEquals("dev.monitor.agent.AgentMain", manifest.getValue("Agent-Class"));
      assertEquals("true", manifest.getValue("Can-Retransform-Classes"));
      // the bridge travels as a nested jar for the bootstrap class path, and holds only the bridge
      try (InputStream nested = jar.getInputStream(jar.getEntry("dev/monitor/agent/monitor-bootstrap.jar"));
          JarInputStream bootstrap = new JarInputStream(nested)) {
        java.util.Set<String> bridgeClasses = new java.util.TreeSet<>();
        for (JarEntry entry; (entry = bootstrap.getNextJarEntry()) != null; ) {
          if (entry.getName().endsWith(".class")) {
            assertTrue(entry.getName().startsWith("dev/monitor/bootstrap/"), entry.getName());
            if (!entry.getName().contains("$")) {
              bridgeClasses.add(entry.getName().substring("dev/monitor/bootstrap/".length()));
            }
          }
        }
        // bootstrap/'s AdviceErrors and AgentTagged, and each library's bridge and recorder, gathered from its folder
        assertEquals(
            new java.util.TreeSet<>(java.util.Arrays.asList(
                "AdviceErrors.class", "AgentTagged.class", "HttpServerBridge.class", "HttpServerRecorder.class", "JdbcBridge.class",
                "JdbcRecorder.class", "RedisBridge.class", "RedisRecorder.class", "SocketBridge.class",
                "SocketRecorder.class")),
            bridgeClasses);
      }
      for (JarEntry entry : java.util.Collections.list(jar.entries())) {
        assertTrue(!entry.getName().startsWith("dev/monitor/bootstrap/"), "outside the nested jar: " + entry.getName());
      }
    }
  }
}
