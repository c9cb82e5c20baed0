package dev.monitor.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monitor.bootstrap.AgentTagged;
import java.io.Serializable;
import java.util.Map;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.TypeResolutionStrategy;
import net.bytebuddy.dynamic.loading.ByteArrayClassLoader;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

/** The field, interface and accessors TagField writes, in a class woven and loaded for real. */
class TagFieldTest {

  public static class Statementish implements Runnable {
    @Override
    public void run() {}
  }

  public static class Serial implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  public interface Contract {}

  static TypeDescription describe(Class<?> type) {
    return TypePool.Default.of(ClassFileLocator.ForClassLoader.of(type.getClassLoader())).describe(type.getName()).resolve();
  }

  /** The class woven with {@code times} TagField visitors (two instrumentations may both ask). */
  static Class<?> woven(Class<?> type, int times) throws Exception {
    ClassFileLocator locator = ClassFileLocator.ForClassLoader.of(type.getClassLoader());
    TypePool pool = TypePool.Default.of(locator);
    net.bytebuddy.dynamic.DynamicType.Builder<?> builder = new ByteBuddy().decorate(pool.describe(type.getName()).resolve(), locator);
    for (int i = 0; i < times; i++) {
      builder = builder.visit(TagField.INSTANCE);
    }
    byte[] bytes = builder.make(TypeResolutionStrategy.Disabled.INSTANCE, pool).getBytes();
    ClassLoader loader = new ByteArrayClassLoader.ChildFirst(TagFieldTest.class.getClassLoader(), Map.of(type.getName(), bytes));
    return Class.forName(type.getName(), true, loader);
  }

  @Test
  void aWovenObjectCarriesItsTag() throws Exception {
    for (int times = 1; times <= 2; times++) {
      Class<?> type = woven(Statementish.class, times);
      Object object = type.getConstructor().newInstance();
      assertTrue(object instanceof AgentTagged, "woven " + times + " time(s)");
      AgentTagged tagged = (AgentTagged) object;
      assertNull(tagged.monitor$tag());
      Object note = new Object();
      tagged.monitor$tag(note);
      assertSame(note, tagged.monitor$tag());
      ((Runnable) object).run(); // the class's own methods are as they were
      assertEquals(1, java.util.Arrays.stream(type.getDeclaredFields()).filter(f -> f.getName().equals(TagField.FIELD)).count());
      assertTrue(java.lang.reflect.Modifier.isTransient(type.getDeclaredField(TagField.FIELD).getModifiers()));
    }
  }

  @Test
  void onlyPlainClassesGetTheField() {
    assertTrue(TagField.applies(describe(Statementish.class)));
    assertFalse(TagField.applies(describe(Serial.class)), "a new member would change its default serial version");
    assertFalse(TagField.applies(describe(Contract.class)));
  }
}
