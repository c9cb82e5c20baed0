package dev.monitor.agent.instrument;

import dev.monitor.bootstrap.AgentTagged;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.description.field.FieldList;

/**
 * Adds {@link AgentTagged} to a class as it is woven at load: the interface, a private transient
 * {@code Object} field and its two accessors, written with ASM beside the advice (Byte Buddy's
 * {@code decorate} keeps the class otherwise as it is). Only where adding members is allowed and
 * harmless ({@link #applies}): a class (not an interface) being defined, not one retransformed;
 * in an unnamed module (a named module could not read the bootstrap class path's interface); and
 * not {@code Serializable}, whose default serial version would change with new members.
 */
final class TagField implements AsmVisitorWrapper {

  static final String FIELD = "monitor$tag";
  /** {@link AgentTagged}, by name: the agent never loads it for this. */
  private static final String INTERFACE = "dev/monitor/bootstrap/AgentTagged";
  private static final String DESCRIPTOR = "Ljava/lang/Object;";

  static final TagField INSTANCE = new TagField();

  private TagField() {}

  /** Whether {@code type}, woven as it loads in an unnamed module, may get the field. */
  static boolean applies(TypeDescription type) {
    if (type.isInterface() || type.isAnnotation()) {
      return false;
    }
    try {
      if (type.isAssignableTo(java.io.Serializable.class)) {
        return false;
      }
      if (type.getDeclaredFields().filter(net.bytebuddy.matcher.ElementMatchers.named(FIELD)).size() > 0) {
        return false; // woven twice: it has its field already
      }
    } catch (RuntimeException e) {
      return false; // a supertype the type pool cannot resolve: leave the class as it is
    }
    return true;
  }

  @Override
  public int mergeWriter(int flags) {
    return flags;
  }

  @Override
  public int mergeReader(int flags) {
    return flags;
  }

  @Override
  public ClassVisitor wrap(
      TypeDescription instrumentedType,
      ClassVisitor classVisitor,
      Implementation.Context implementationContext,
      TypePool typePool,
      FieldList<FieldDescription.InDefinedShape> fields,
      MethodList<?> methods,
      int writerFlags,
      int readerFlags) {
    return new ClassVisitor(Opcodes.ASM9, classVisitor) {
      private String owner;
      /** False when the interface is there already: another instrumentation of the same class asked too. */
      private boolean adding;

      @Override
      public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        owner = name;
        adding = true;
        for (String existing : interfaces == null ? new String[0] : interfaces) {
          adding &= !existing.equals(INTERFACE);
        }
        if (!adding) {
          super.visit(version, access, name, signature, superName, interfaces);
          return;
        }
        String[] with = new String[interfaces == null ? 1 : interfaces.length + 1];
        if (interfaces != null) {
          System.arraycopy(interfaces, 0, with, 0, interfaces.length);
        }
        with[with.length - 1] = INTERFACE;
        super.visit(version, access, name, signature, superName, with);
      }

      @Override
      public void visitEnd() {
        if (!adding) {
          super.visitEnd();
          return;
        }
        super.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_TRANSIENT | Opcodes.ACC_SYNTHETIC, FIELD, DESCRIPTOR, null, null)
            .visitEnd();
        MethodVisitor get = super.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC, FIELD, "()" + DESCRIPTOR, null, null);
        get.visitCode();
        get.visitVarInsn(Opcodes.ALOAD, 0);
        get.visitFieldInsn(Opcodes.GETFIELD, owner, FIELD, DESCRIPTOR);
        get.visitInsn(Opcodes.ARETURN);
        get.visitMaxs(1, 1);
        get.visitEnd();
        MethodVisitor set = super.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC, FIELD, "(" + DESCRIPTOR + ")V", null, null);
        set.visitCode();
        set.visitVarInsn(Opcodes.ALOAD, 0);
        set.visitVarInsn(Opcodes.ALOAD, 1);
        set.visitFieldInsn(Opcodes.PUTFIELD, owner, FIELD, DESCRIPTOR);
        set.visitInsn(Opcodes.RETURN);
        set.visitMaxs(2, 2);
        set.visitEnd();
        super.visitEnd();
      }
    };
  }
}
