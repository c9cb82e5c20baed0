package dev.monitor.agent.instrument;

import java.nio.charset.StandardCharsets;
import dev.monitor.instrumentation.api.InstrumentationModule;
import java.util.Collection;

/**
 * The pre-filter in front of Byte Buddy: whether a class is one the modules name exactly
 * ({@link InstrumentationModule#classNames}), or its class file's constant pool holds one of
 * their markers ({@code java/sql/}, a method descriptor…) in one of its UTF-8 entries. A marker
 * is looked for where a name or a descriptor can begin: at the entry's start and after an
 * {@code L} (a type inside a descriptor or signature), so most bytes are never compared. It
 * walks the constant pool once, reading nothing but the entries' tags and lengths, and
 * allocates nothing. A class file it cannot read is let through (Byte Buddy then decides).
 * Immutable; thread-safe.
 */
final class ClassFileMarkers {

  private static final int UTF8 = 1;

  private final byte[][] markers;
  private final java.util.Set<String> internalNames;
  /** For each byte value, whether some marker starts with it. */
  private final boolean[] firstBytes = new boolean[256];

  ClassFileMarkers(Collection<String> markers) {
    this(markers, java.util.Collections.emptySet());
  }

  /** {@code classNames} in binary form ({@code a.b.C}). */
  ClassFileMarkers(Collection<String> markers, Collection<String> classNames) {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (String name : classNames) {
      names.add(name.replace('.', '/'));
    }
    this.internalNames = names;
    this.markers = new byte[markers.size()][];
    int i = 0;
    for (String marker : markers) {
      byte[] bytes = marker.getBytes(StandardCharsets.UTF_8);
      this.markers[i++] = bytes;
      firstBytes[bytes[0] & 0xff] = true;
    }
  }

  /** Whether the class {@code internalName} ({@code a/b/C}) may be one some module transforms. */
  boolean mayMatch(String internalName, byte[] classFile) {
    return internalNames.contains(internalName) || (markers.length > 0 && mayMatch(classFile));
  }

  /** Whether {@code classFile} holds a marker (or cannot be read). */
  boolean mayMatch(byte[] classFile) {
    if (classFile == null || classFile.length < 10) {
      return true;
    }
    try {
      int count = u2(classFile, 8);
      int at = 10;
      for (int index = 1; index < count; index++) {
        int tag = classFile[at] & 0xff;
        switch (tag) {
          case UTF8:
            int length = u2(classFile, at + 1);
            if (contains(classFile, at + 3, at + 3 + length)) {
              return true;
            }
            at += 3 + length;
            break;
          case 3: // Integer
          case 4: // Float
          case 9: // Fieldref
          case 10: // Methodref
          case 11: // InterfaceMethodref
          case 12: // NameAndType
          case 17: // Dynamic
          case 18: // InvokeDynamic
            at += 5;
            break;
          case 5: // Long
          case 6: // Double
            at += 9;
            index++; // takes two entries
            break;
          case 7: // Class
          case 8: // String
          case 16: // MethodType
          case 19: // Module
          case 20: // Package
            at += 3;
            break;
          case 15: // MethodHandle
            at += 4;
            break;
          default:
            return true; // a tag this reader does not know: let Byte Buddy look
        }
      }
      return false;
    } catch (ArrayIndexOutOfBoundsException e) {
      return true;
    }
  }

  private boolean contains(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if ((i == from || bytes[i - 1] == 'L') && firstBytes[bytes[i] & 0xff]) {
        for (byte[] marker : markers) {
          if (startsWith(bytes, i, to, marker)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean startsWith(byte[] bytes, int at, int to, byte[] marker) {
    if (to - at < marker.length) {
      return false;
    }
    for (int k = 0; k < marker.length; k++) {
      if (bytes[at + k] != marker[k]) {
        return false;
      }
    }
    return true;
  }

  private static int u2(byte[] bytes, int at) {
    return ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
  }
}
