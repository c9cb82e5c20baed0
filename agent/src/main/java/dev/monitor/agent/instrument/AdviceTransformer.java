package dev.monitor.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;

import dev.monitor.agent.log.AgentLog;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.TypeResolutionStrategy;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.JavaModule;

/**
 * Weaves the modules' advice into a class the pre-filter let through, with Byte Buddy's type
 * pool, matchers and {@code decorate}, but without its agent builder. The agent builder's
 * transformer is a subclass Byte Buddy generates at run time, which loads its whole
 * code-generation stack (some 400 classes, 120 ms of one core at start-up) only to forward a
 * method. What this class does is what that transformer did for the agent's configuration
 * (advice only, no class-format changes, types described from their class files, no
 * retransformation): describe the class from its bytes, match its loader's landmarks and the
 * type matchers, decorate it with every matching module's advice. A class is handled once per
 * thread at a time (class loads that the weaving itself causes pass unchanged), and any failure
 * leaves the class as it was.
 */
final class AdviceTransformer implements ClassFileTransformer {

  /** One type instrumentation, with its module's loader check. */
  static final class Target {
    final ElementMatcher<? super ClassLoader> loaders;
    final ElementMatcher<? super TypeDescription> types;
    final AgentBuilder.Transformer transformer;

    Target(ElementMatcher<? super ClassLoader> loaders, ElementMatcher<? super TypeDescription> types,
        AgentBuilder.Transformer transformer) {
      this.loaders = loaders;
      this.types = types;
      this.transformer = transformer;
    }
  }

  private static final ElementMatcher<TypeDescription> SYNTHETIC = isSynthetic();

  private final List<Target> targets;
  private final AgentBuilder.PoolStrategy pools;
  private static final ByteBuddy BYTE_BUDDY =
      new ByteBuddy()
          // Byte Buddy adds no field, method or initializer: advice only changes method bodies
          // (TagField's members are written with ASM, outside Byte Buddy's implementation context)
          .with(Implementation.Context.Disabled.Factory.INSTANCE)
          .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE);
  private final ThreadLocal<Boolean> busy = new ThreadLocal<>();

  AdviceTransformer(List<Target> targets, AgentBuilder.PoolStrategy pools) {
    this.targets = new ArrayList<>(targets);
    this.pools = pools;
  }

  @Override
  public byte[] transform(
      Module module, ClassLoader loader, String internalName, Class<?> redefined, ProtectionDomain domain, byte[] bytes) {
    if (internalName == null || busy.get() != null) {
      return null;
    }
    busy.set(Boolean.TRUE);
    try {
      return weave(module, loader, internalName.replace('/', '.'), domain, bytes);
    } catch (Throwable e) {
      AgentLog.debug("left " + internalName.replace('/', '.') + " untransformed: " + e);
      return null;
    } finally {
      busy.remove();
    }
  }

  /**
   * Weaves {@link WarmUp} once and throws the result away, on the thread that prepared this
   * transformer: the first application class woven would otherwise load and run Byte Buddy's
   * weaving code for the first time (about 90 ms, interpreted) while the application waits.
   */
  static void warmUp() {
    // once: weaving it 20 times (to get Byte Buddy compiled sooner) made the demo's start-up
    // slower, not faster, on 2 cores (1,264 against 1,190 ms, medians of 5)
    ClassFileLocator locator = ClassFileLocator.ForClassLoader.of(WarmUp.class.getClassLoader());
    TypePool pool = TypePool.Default.of(locator);
    TypeDescription type = pool.describe(WarmUp.Target.class.getName()).resolve();
    Advice advice = Advice.to(pool.describe(WarmUp.Advice.class.getName()).resolve(), locator);
    BYTE_BUDDY.decorate(type, locator)
        .visit(new AsmVisitorWrapper.ForDeclaredMethods().invokable(ElementMatchers.named("run"), advice))
        .make(TypeResolutionStrategy.Disabled.INSTANCE, pool)
        .getBytes();
  }

  private byte[] weave(Module module, ClassLoader loader, String name, ProtectionDomain domain, byte[] bytes) {
    List<Target> matching = null;
    ClassFileLocator locator = null;
    TypePool pool = null;
    TypeDescription type = null;
    for (Target target : targets) {
      if (!target.loaders.matches(loader)) {
        continue;
      }
      if (type == null) {
        locator = new ClassFileLocator.Compound(
            ClassFileLocator.Simple.of(name, bytes),
            // weakly: the type pool's cache, which outlives this call, must not keep a webapp's loader
            loader == null ? ClassFileLocator.ForClassLoader.ofBootLoader() : ClassFileLocator.ForClassLoader.WeaklyReferenced.of(loader));
        pool = pools.typePool(locator, loader, name);
        type = pool.describe(name).resolve();
        if (SYNTHETIC.matches(type)) {
          return null;
        }
      }
      if (target.types.matches(type)) {
        if (matching == null) {
          matching = new ArrayList<>(2);
        }
        matching.add(target);
      }
    }
    if (matching == null) {
      return null;
    }
    DynamicType.Builder<?> builder = BYTE_BUDDY.decorate(type, locator);
    for (Target target : matching) {
      builder = target.transformer.transform(builder, type, loader, module == null ? null : JavaModule.of(module), domain);
    }
    return builder.make(TypeResolutionStrategy.Disabled.INSTANCE, pool).getBytes();
  }
}
