package dev.monitor.agent.instrument;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * The pre-filter in front of Byte Buddy: whether a class file's constant pool holds one of the
 * modules' markers ({@code javax/servlet/}, {@code java/sql/}…) in one of its UTF-8 entries.
 * It walks the constant pool once, reading nothing but the entries' tags and lengths, and
 * compares bytes only where an entry holds a marker's first byte; it allocates nothing. A class
 * file it cannot read is let through (Byte Buddy then decides). Immutable; thread-safe.
 */
final class ClassFileMarkers {

  private static final int UTF8 = 1;

  private final byte[][] markers;
  /** For each byte value, whether some marker starts with it. */
  private final boolean[] firstBytes = new boolean[256];

  ClassFileMarkers(Collection<String> markers) {
    this.markers = new byte[markers.size()][];
    int i = 0;
    for (String marker : markers) {
      byte[] bytes = marker.getBytes(StandardCharsets.UTF_8);
      this.markers[i++] = bytes;
      firstBytes[bytes[0] & 0xff] = true;
    }
  }

  /** Whether {@code classFile} may hold a type some module transforms. */
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
      if (firstBytes[bytes[i] & 0xff]) {
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
