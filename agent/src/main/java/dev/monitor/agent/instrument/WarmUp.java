package dev.monitor.agent.instrument;

/**
 * What {@link AdviceTransformer#warmUp} weaves once and throws away: a method and an advice that
 * binds what the modules' advice binds ({@code @This}, an argument, the return value, the thrown
 * exception, the enter value). Never loaded as classes, only read as class files.
 */
final class WarmUp {

  private WarmUp() {}

  static final class Target {
    Object run(Object argument) {
      return argument;
    }
  }

  static final class Advice {
    @net.bytebuddy.asm.Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@net.bytebuddy.asm.Advice.This Object self, @net.bytebuddy.asm.Advice.Argument(0) Object argument) {
      return argument;
    }

    @net.bytebuddy.asm.Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(
        @net.bytebuddy.asm.Advice.Enter Object entered,
        @net.bytebuddy.asm.Advice.Return Object returned,
        @net.bytebuddy.asm.Advice.Thrown Throwable thrown) {}
  }
}
