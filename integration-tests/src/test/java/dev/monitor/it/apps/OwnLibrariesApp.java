package dev.monitor.it.apps;

import dev.monitor.demo.DemoService;
import io.opentelemetry.api.GlobalOpenTelemetry;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * An application that uses its own (older) Byte Buddy, HdrHistogram and OpenTelemetry API, then
 * serves the demo's endpoints. Prints where each library was loaded from.
 */
public final class OwnLibrariesApp {

  public static void main(String[] args) throws Exception {
    Object generated =
        new ByteBuddy()
            .subclass(Object.class)
            .method(ElementMatchers.named("toString"))
            .intercept(FixedValue.value("made by the app's byte buddy"))
            .make()
            .load(OwnLibrariesApp.class.getClassLoader())
            .getLoaded()
            .getDeclaredConstructor()
            .newInstance();
    Recorder recorder = new Recorder(3);
    recorder.recordValue(42);
    Histogram h = recorder.getIntervalHistogram();
    GlobalOpenTelemetry.getMeter("app").counterBuilder("app.calls").build().add(1);
    System.out.println("APP bytebuddy " + generated + " from " + source(ByteBuddy.class));
    System.out.println("APP hdrhistogram count=" + h.getTotalCount() + " from " + source(Recorder.class));
    System.out.println("APP otel from " + source(GlobalOpenTelemetry.class));
    DemoService.main(args);
  }

  private static String source(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation().getPath();
  }
}
