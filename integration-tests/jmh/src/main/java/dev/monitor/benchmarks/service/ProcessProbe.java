package dev.monitor.benchmarks.service;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Paths;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * What a service process costs, read from outside it: resident memory and thread count from
 * {@code /proc/<pid>/status}, CPU time from {@code /proc/<pid>/stat}, and bytes allocated by its
 * threads over JMX (attached only after memory and threads are read, since the management agent
 * adds threads of its own).
 */
final class ProcessProbe implements AutoCloseable {

  private static final double CLOCK_TICKS_PER_SECOND = 100;

  private final long pid;
  private JMXConnector jmx;
  private com.sun.management.ThreadMXBean threads;

  ProcessProbe(long pid) {
    this.pid = pid;
  }

  long residentBytes() throws IOException {
    return statusField("VmRSS:") * 1024;
  }

  long threadCount() throws IOException {
    return statusField("Threads:");
  }

  /** User plus system CPU seconds the process has used. */
  double cpuSeconds() throws IOException {
    String stat = new String(Files.readAllBytes(Paths.get("/proc/" + pid + "/stat")));
    // the command name (field 2) may hold spaces; fields are counted after its closing paren
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / CLOCK_TICKS_PER_SECOND;
  }

  /** Bytes allocated so far by the process's live threads (attaches on first use). */
  long allocatedBytes() throws Exception {
    if (threads == null) {
      VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
      String address;
      try {
        address = vm.startLocalManagementAgent();
      } finally {
        vm.detach();
      }
      jmx = JMXConnectorFactory.connect(new JMXServiceURL(address));
      MBeanServerConnection server = jmx.getMBeanServerConnection();
      threads =
          ManagementFactory.newPlatformMXBeanProxy(
              server, ManagementFactory.THREAD_MXBEAN_NAME, com.sun.management.ThreadMXBean.class);
    }
    long sum = 0;
    for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
      sum += Math.max(0, bytes);
    }
    return sum;
  }

  /** Heap in use right after a full GC the probe asks for: what the process keeps alive. */
  long liveHeapBytes() throws Exception {
    allocatedBytes(); // attaches
    java.lang.management.MemoryMXBean memory =
        ManagementFactory.newPlatformMXBeanProxy(
            jmx.getMBeanServerConnection(), ManagementFactory.MEMORY_MXBEAN_NAME,
            java.lang.management.MemoryMXBean.class);
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  private long statusField(String name) throws IOException {
    for (String line : Files.readAllLines(Paths.get("/proc/" + pid + "/status"))) {
      if (line.startsWith(name)) {
        return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
      }
    }
    throw new IOException("/proc/" + pid + "/status has no " + name);
  }

  @Override
  public void close() throws IOException {
    if (jmx != null) {
      jmx.close();
    }
  }
}
