package dev.monitor.agent.instrument;

import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

/**
 * Puts {@link ClassFileMarkers} in front of Byte Buddy's transformer: a class whose bytes hold no
 * module's marker is answered "unchanged" at once, before any type description is parsed. Runs
 * on every class-loading thread; holds only immutable state.
 */
final class MarkerFilter implements AgentBuilder.TransformerDecorator {

  private final ClassFileMarkers markers;

  MarkerFilter(ClassFileMarkers markers) {
    this.markers = markers;
  }

  @Override
  public ResettableClassFileTransformer decorate(ResettableClassFileTransformer transformer) {
    return new Filtered(transformer, markers);
  }

  private static final class Filtered extends ResettableClassFileTransformer.WithDelegation {
    private final ClassFileMarkers markers;

    Filtered(ResettableClassFileTransformer transformer, ClassFileMarkers markers) {
      super(transformer);
      this.markers = markers;
    }

    @Override
    public byte[] transform(
        ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain, byte[] bytes)
        throws IllegalClassFormatException {
      return markers.mayMatch(name, bytes) ? classFileTransformer.transform(loader, name, redefined, domain, bytes) : null;
    }

    @Override
    public byte[] transform(
        Module module, ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain, byte[] bytes)
        throws IllegalClassFormatException {
      return markers.mayMatch(name, bytes)
          ? classFileTransformer.transform(module, loader, name, redefined, domain, bytes)
          : null;
    }
  }
}
