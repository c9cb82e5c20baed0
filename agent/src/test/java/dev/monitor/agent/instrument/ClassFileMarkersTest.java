package dev.monitor.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassFileMarkersTest {

  static final ClassFileMarkers JDBC_AND_SERVLET =
      new ClassFileMarkers(Arrays.asList("java/sql/", "javax/servlet/", "jakarta/servlet/"));

  static byte[] classFile(Class<?> type) throws IOException {
    try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
      return in.readAllBytes();
    }
  }

  @Test
  void aClassThatMentionsAnInstrumentedApiIsLetThrough() throws IOException {
    assertTrue(JDBC_AND_SERVLET.mayMatch(classFile(java.sql.DriverManager.class)));
    // javax.sql's pooled connection mentions java.sql.Connection in a method's descriptor only
    assertTrue(JDBC_AND_SERVLET.mayMatch(classFile(javax.sql.PooledConnection.class)));
  }

  @Test
  void aClassThatMentionsNoneIsPassedOver() throws IOException {
    for (Class<?> type : List.of(String.class, java.util.HashMap.class, Thread.class, ClassFileMarkers.class)) {
      assertFalse(JDBC_AND_SERVLET.mayMatch(classFile(type)), type.getName());
    }
  }

  @Test
  void longAndDoubleConstantsTakeTwoEntries() throws IOException {
    // Math's pool has doubles before most of its names: a reader that miscounts them fails here
    byte[] math = classFile(Math.class);
    assertTrue(new ClassFileMarkers(List.of("java/lang/StrictMath")).mayMatch(math));
    assertFalse(new ClassFileMarkers(List.of("javax/servlet/")).mayMatch(math));
  }

  @Test
  void whatCannotBeReadIsLetThrough() throws IOException {
    byte[] string = classFile(String.class);
    assertTrue(JDBC_AND_SERVLET.mayMatch(Arrays.copyOf(string, 200)), "truncated");
    assertTrue(JDBC_AND_SERVLET.mayMatch(new byte[4]), "too short");
    assertTrue(JDBC_AND_SERVLET.mayMatch(null));
  }

  @Test
  void aNamedClassIsLetThroughByItsNameAlone() throws IOException {
    ClassFileMarkers named = new ClassFileMarkers(List.of(), List.of("java.util.HashMap"));
    assertTrue(named.mayMatch("java/util/HashMap", classFile(java.util.HashMap.class)));
    // a class that mentions the named one everywhere is still passed over
    assertFalse(named.mayMatch("java/util/LinkedHashMap", classFile(java.util.LinkedHashMap.class)));
  }

  @Test
  void aMethodDescriptorMarksTheClassesThatDeclareOrCallIt() throws IOException {
    // Thread declares run()V and holds "()V" as an entry of its own; String's pool holds
    // descriptors too, but none that starts with (Ljava/lang/Runnable;
    ClassFileMarkers descriptor = new ClassFileMarkers(List.of("(Ljava/lang/Runnable;"));
    assertTrue(descriptor.mayMatch(classFile(Thread.class)));
    assertFalse(descriptor.mayMatch(classFile(String.class)));
  }

  @Test
  void aNameIsFoundInsideDescriptorsButNotInTheMiddleOfAnotherName() throws IOException {
    // PooledConnection mentions java/sql/Connection only inside "()Ljava/sql/Connection;"
    assertTrue(new ClassFileMarkers(List.of("java/sql/Connection")).mayMatch(classFile(javax.sql.PooledConnection.class)));
    // "sql/Connection" is inside "java/sql/Connection", but not where a name starts
    assertFalse(new ClassFileMarkers(List.of("sql/Connection")).mayMatch(classFile(javax.sql.PooledConnection.class)));
  }
}
