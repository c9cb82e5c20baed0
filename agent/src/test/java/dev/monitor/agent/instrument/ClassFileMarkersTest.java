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
}
