package dev.monitor.instrumentation.api;

import java.util.List;

/**
 * One instrumented library, as one folder under {@code instrumentation/} describes it. Found by
 * the agent through {@link java.util.ServiceLoader}; {@code monitor.instrumentation.<name>.enabled}
 * turns it off, and then none of its types is transformed.
 */
public interface InstrumentationModule {

  /** The folder name, for example {@code servlet-3.0}; also the settings key. */
  String name();

  /**
   * Class names whose presence in a class loader says the library, in a version this module
   * fits, is there; {@code a.B|c.B} names alternatives, either of which will do (the
   * {@code javax} and {@code jakarta} forms of one API). Checked once per class loader (a resource look-up, nothing is loaded); a
   * loader without them is skipped, so a version the advice does not fit is never touched.
   */
  List<String> landmarkClassNames();

  List<TypeInstrumentation> typeInstrumentations();

  /**
   * Internal-name prefixes ({@code javax/servlet/}) one of which the class file of every type this
   * module may transform contains: its own name, its direct supertypes, or the types in its
   * methods' descriptors and declared exceptions. A class whose constant pool holds none of any
   * module's markers is passed over before Byte Buddy parses it, which is most of what an
   * application loads. Empty (the default): no class is passed over on this module's account.
   */
  default List<String> classFileMarkers() {
    return java.util.Collections.emptyList();
  }
}
