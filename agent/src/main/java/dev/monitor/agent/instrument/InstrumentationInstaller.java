package dev.monitor.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import dev.monitor.agent.config.Settings;
import dev.monitor.bootstrap.AdviceErrors;
import dev.monitor.agent.log.AgentLog;
import dev.monitor.agent.threads.DaemonThreads;
import dev.monitor.instrumentation.api.AdviceTarget;
import dev.monitor.instrumentation.api.InstrumentationModule;
import dev.monitor.instrumentation.api.TypeInstrumentation;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * Installs the advice of every enabled instrumentation module with Byte Buddy. A disabled module
 * is never handed to Byte Buddy, so its classes stay exactly as compiled. Types are matched by
 * name (no library class is loaded by the agent) and only in class loaders that hold the
 * module's landmark classes; JDK, agent and synthetic classes are ignored before any matching.
 */
public final class InstrumentationInstaller {

  static {
    // Byte Buddy's "safe" mode: no Unsafe-based class injection. The agent never injects a class
    // (the bridge is on the boot class path, advice is inlined), and without this the agent
    // builder's first use generates an injector class with Byte Buddy's whole code-generation
    // stack: 500 more classes and about 170 ms of start-up. Byte Buddy is shaded, so the
    // property carries the shaded package's name and an application's own Byte Buddy never reads it.
    System.setProperty(net.bytebuddy.ByteBuddy.class.getPackage().getName() + ".safe", "true");
  }

  /**
   * Byte Buddy's objects, made at their first use (on the preparing thread), not when premain
   * loads this class: describing {@code AdviceErrors.suppressed} initializes Byte Buddy's
   * {@code Advice} and its loaded-type descriptions (JDK proxies included), about 35 ms that the
   * application's main would wait for.
   */
  private static final class ByteBuddyParts {
    /**
     * What inlined advice does with a Throwable it suppressed: hand it to {@link AdviceErrors},
     * which counts it and logs it once, instead of dropping it silently.
     */
    static final Advice.ExceptionHandler SUPPRESSED_TO_BRIDGE = suppressedToBridge();

    static final SharedTypePools TYPE_POOLS = new SharedTypePools();
  }

  /** Set once the type pools exist: before that there is nothing to forget. */
  private static volatile boolean typePoolsMade;

  private InstrumentationInstaller() {}

  /** Frees the type descriptions cached for matching; see {@link SharedTypePools}. */
  public static void forgetTypeDescriptions() {
    if (typePoolsMade) {
      ByteBuddyParts.TYPE_POOLS.forget();
    }
  }

  private static SharedTypePools typePools() {
    SharedTypePools pools = ByteBuddyParts.TYPE_POOLS;
    typePoolsMade = true;
    return pools;
  }

  private static Advice.ExceptionHandler suppressedToBridge() {
    try {
      return new Advice.ExceptionHandler.Simple(
          MethodInvocation.invoke(
              new MethodDescription.ForLoadedMethod(
                  AdviceErrors.class.getMethod("suppressed", Throwable.class))));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("the bootstrap bridge lacks AdviceErrors.suppressed", e);
    }
  }

  public static List<InstrumentationStatus> install(
      Instrumentation instrumentation,
      List<InstrumentationModule> modules,
      Settings settings,
      boolean attached) {
    List<InstrumentationStatus> statuses = new ArrayList<>();
    List<String> markers = new ArrayList<>();
    List<String> classNames = new ArrayList<>();
    boolean everyModuleMarked = true;
    for (InstrumentationModule module : modules) {
      boolean enabled = settings.instrumentationEnabled(module.name());
      statuses.add(new InstrumentationStatus(module.name(), enabled));
      if (!enabled) {
        AgentLog.info("instrumentation " + module.name() + " is disabled by settings");
        continue;
      }
      markers.addAll(module.classFileMarkers());
      classNames.addAll(module.classNames());
      everyModuleMarked &= !module.classFileMarkers().isEmpty() || !module.classNames().isEmpty();
    }
    if (attached || !everyModuleMarked) {
      // attached to a running JVM, loaded classes must be retransformed before install returns;
      // and without every module's markers, no class may load before Byte Buddy has seen it
      AgentBuilder builder = builder(modules, statuses);
      if (!attached) {
        // At premain nothing we instrument is loaded yet; skip the retransformation scan.
        builder = builder.with(AgentBuilder.RedefinitionStrategy.DISABLED);
      } else if (everyModuleMarked) {
        builder = builder.with(new MarkerFilter(new ClassFileMarkers(markers, classNames)));
      }
      builder.installOn(instrumentation);
      return statuses;
    }
    // premain: see DeferredTransformer
    DeferredTransformer deferred = new DeferredTransformer(new ClassFileMarkers(markers, classNames));
    instrumentation.addTransformer(deferred, false);
    long begin = System.nanoTime();
    Thread preparing = DaemonThreads.named("monitor-instrument").newThread(() -> {
      try {
        List<AdviceTransformer.Target> targets = targets(modules, statuses, true);
        AdviceTransformer transformer = new AdviceTransformer(targets, typePools());
        deferred.ready(transformer);
        AgentLog.debug("instrumentation ready in " + (System.nanoTime() - begin) / 1_000_000 + " ms");
        try {
          AdviceTransformer.warmUp();
          parseAdviceForTheClassPath(targets);
          AgentLog.debug("weaving warmed up in " + (System.nanoTime() - begin) / 1_000_000 + " ms");
        } catch (Throwable e) {
          AgentLog.debug("warming the weaving up failed (the first class woven pays for it): " + e);
        }
      } catch (Throwable e) {
        deferred.failed();
        AgentLog.warn("instrumentation could not be prepared; the application runs uninstrumented: " + e);
      }
    });
    deferred.preparingOn(preparing);
    preparing.start();
    return statuses;
  }

  /**
   * Parses, while the application starts on its own thread, the advice of every module whose
   * library is on the class path, for the class path's loader: most applications' classes load
   * there, and the first class of each woven would otherwise parse its advice on the
   * application's thread. Libraries in other loaders (a webapp's, Spring Boot's nested jars)
   * parse theirs at first use, as before.
   */
  private static void parseAdviceForTheClassPath(List<AdviceTransformer.Target> targets) {
    ClassLoader classPath = ClassLoader.getSystemClassLoader();
    for (AdviceTransformer.Target target : targets) {
      if (target.loaders.matches(classPath) && target.transformer instanceof ModuleTransformer) {
        ((ModuleTransformer) target.transformer).parseAdviceFor(classPath);
      }
    }
  }

  /** Every enabled module's type instrumentations, each with its module's loader check. */
  private static List<AdviceTransformer.Target> targets(
      List<InstrumentationModule> modules, List<InstrumentationStatus> statuses, boolean tagFields) {
    AdviceCache advice = new AdviceCache(InstrumentationInstaller.class.getClassLoader());
    List<AdviceTransformer.Target> targets = new ArrayList<>();
    for (int i = 0; i < modules.size(); i++) {
      InstrumentationModule module = modules.get(i);
      InstrumentationStatus status = statuses.get(i);
      if (!status.enabled) {
        continue;
      }
      LandmarkMatcher loaders = new LandmarkMatcher(module.landmarkClassNames());
      for (TypeInstrumentation type : module.typeInstrumentations()) {
        targets.add(new AdviceTransformer.Target(loaders, type.typeMatcher(), new ModuleTransformer(type, status, advice, tagFields)));
      }
    }
    return targets;
  }

  /**
   * Byte Buddy's agent builder with the same targets, for an agent attached to a running JVM,
   * where loaded classes must be retransformed (which {@link AdviceTransformer} does not do).
   */
  private static AgentBuilder builder(List<InstrumentationModule> modules, List<InstrumentationStatus> statuses) {
    AgentBuilder builder =
        new AgentBuilder.Default()
            .disableClassFormatChanges()
            // advice only ever wraps existing methods: no method graph of the type is compiled
            .with(AgentBuilder.TypeStrategy.Default.DECORATE)
            .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
            .with(AgentBuilder.DescriptionStrategy.Default.POOL_FIRST)
            .with(typePools())
            .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
            .with(new FailureListener())
            .ignore(
                nameStartsWith("java.")
                    .or(nameStartsWith("javax.management."))
                    .or(nameStartsWith("jdk."))
                    .or(nameStartsWith("sun."))
                    .or(nameStartsWith("com.sun."))
                    // the agent's own packages only: applications may live under dev.monitor too
                    .or(nameStartsWith("dev.monitor.agent."))
                    .or(nameStartsWith("dev.monitor.bootstrap."))
                    .or(nameStartsWith("dev.monitor.instrumentation."))
                    .or(nameStartsWith("dev.monitor.shaded."))
                    .or(nameStartsWith("net.bytebuddy."))
                    .or(isSynthetic()));
    for (AdviceTransformer.Target target : targets(modules, statuses, false)) {
      builder = builder.type(target.types, target.loaders).transform(target.transformer);
    }
    return builder;
  }

  /**
   * Applies one type instrumentation's advice and counts the classes it transformed. Each advice
   * class is read and parsed once per class loader, on first use, and the parsed {@link Advice}
   * is reused for every class of that loader it is woven into (Byte Buddy's {@code ForAdvice}
   * would parse it again per class).
   */
  private static final class ModuleTransformer implements AgentBuilder.Transformer {
    private final TypeInstrumentation type;
    private final InstrumentationStatus status;
    private final AdviceCache advice;
    /** Whether classes may get {@link TagField}'s members: not when retransforming (attach). */
    private final boolean tagFields;

    ModuleTransformer(TypeInstrumentation type, InstrumentationStatus status, AdviceCache advice, boolean tagFields) {
      this.tagFields = tagFields;
      this.type = type;
      this.status = status;
      this.advice = advice;
    }

    /** Parses this instrumentation's advice for {@code loader} now; advice that does not fit waits for its use. */
    void parseAdviceFor(ClassLoader loader) {
      List<String> names = new ArrayList<>();
      type.transform((matcher, adviceClassName) -> names.add(adviceClassName));
      for (String name : names) {
        try {
          advice.of(name, loader);
        } catch (Throwable e) {
          AgentLog.debug("advice " + name + " not parsed ahead for the class path: " + e);
        }
      }
    }

    @Override
    public DynamicType.Builder<?> transform(
        DynamicType.Builder<?> builder,
        TypeDescription typeDescription,
        ClassLoader classLoader,
        JavaModule module,
        ProtectionDomain protectionDomain) {
      AsmVisitorWrapper.ForDeclaredMethods[] methods = {new AsmVisitorWrapper.ForDeclaredMethods()};
      boolean[] tagField = {false};
      AdviceTarget target =
          new AdviceTarget() {
            @Override
            public void applyAdvice(ElementMatcher<? super MethodDescription> matcher, String adviceClassName) {
              methods[0] =
                  methods[0].invokable(
                      matcher,
                      // parsed only when a method matches: advice for another version of the
                      // library may name types this one lacks
                      (instrumentedType, method, visitor, context, pool, writerFlags, readerFlags) ->
                          advice
                              .of(adviceClassName, classLoader)
                              .wrap(instrumentedType, method, visitor, context, pool, writerFlags, readerFlags));
            }

            @Override
            public void addTagField() {
              tagField[0] = true;
            }
          };
      type.transform(target);
      status.transformed();
      AgentLog.debug(status.name + " transformed " + typeDescription.getName());
      builder = builder.visit(methods[0]);
      // at load only (the attach path's transformer retransforms, which cannot add members), and
      // where the class's module reads the bootstrap class path (every unnamed module does)
      if (tagFields && tagField[0] && module != null && !module.isNamed() && TagField.applies(typeDescription)) {
        builder = builder.visit(TagField.INSTANCE);
      }
      return builder;
    }
  }

  /**
   * Parsed advice by target class loader and advice class name. The advice is described with a
   * type pool that sees the agent's classes and the target loader's (advice signatures may name
   * library types), so a parse is valid for one loader; loaders are held weakly.
   */
  private static final class AdviceCache {
    private final ClassFileLocator agentClasses;
    private final Map<ClassLoader, Map<String, Advice>> byLoader = new WeakHashMap<>();
    private final Map<String, Advice> bootstrap = new ConcurrentHashMap<>();

    AdviceCache(ClassLoader agentLoader) {
      this.agentClasses = ClassFileLocator.ForClassLoader.of(agentLoader);
    }

    Advice of(String className, ClassLoader target) {
      Map<String, Advice> parsed;
      if (target == null) {
        parsed = bootstrap;
      } else {
        synchronized (byLoader) {
          parsed = byLoader.computeIfAbsent(target, loader -> new ConcurrentHashMap<>());
        }
      }
      Advice known = parsed.get(className);
      if (known != null) {
        return known;
      }
      ClassFileLocator locator =
          target == null
              ? agentClasses
              : new ClassFileLocator.Compound(
                  agentClasses, ClassFileLocator.ForClassLoader.WeaklyReferenced.of(target));
      Advice advice =
          Advice.to(TypePool.Default.of(locator).describe(className).resolve(), locator)
              .withExceptionHandler(ByteBuddyParts.SUPPRESSED_TO_BRIDGE);
      parsed.put(className, advice);
      return advice;
    }
  }

  /** A type the advice does not fit is skipped with one debug line; the class loads unchanged. */
  private static final class FailureListener extends AgentBuilder.Listener.Adapter {
    @Override
    public void onError(
        String typeName, ClassLoader classLoader, JavaModule module, boolean loaded, Throwable throwable) {
      AgentLog.debug("left " + typeName + " untransformed: " + throwable);
    }
  }
}
