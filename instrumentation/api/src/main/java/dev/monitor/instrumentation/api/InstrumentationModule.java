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
   * What the class file of every type this module may transform holds, though most other class
   * files do not: internal-name prefixes ({@code java/sql/}), found as a class's own name, a
   * supertype's or a type in a method's descriptor or signature; or whole method descriptors
   * ({@code (Ljavax/servlet/ServletRequest;…}), found as the descriptor of a method the type
   * declares. With {@link #classNames}, this makes the pre-filter: a class that is not named
   * there and whose constant pool holds none of any module's markers is passed over before Byte
   * Buddy parses it, which is most of what an application loads.
   */
  default List<String> classFileMarkers() {
    return java.util.Collections.emptyList();
  }

  /**
   * The exact names ({@code a.b.C}) of the types this module's by-name instrumentations target;
   * looked up by the loading class's name, so a library's other classes, which mention these
   * names everywhere, pass by at the cost of one hash lookup. A module that gives neither this
   * nor {@link #classFileMarkers} is not pre-filtered: every class goes to Byte Buddy.
   */
  default List<String> classNames() {
    return java.util.Collections.emptyList();
  }
}
