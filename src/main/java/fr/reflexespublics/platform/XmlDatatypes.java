package fr.reflexespublics.platform;

import javax.xml.datatype.DatatypeFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names the JDK's {@link DatatypeFactory} for the engine's timers.
 *
 * <p>The engine parses every timer's ISO 8601 duration or cycle with a new {@code DatatypeFactory}
 * ({@code DurationHelper}), and {@link DatatypeFactory#newInstance()} looks its implementation up
 * by the system property {@value #PROPERTY} when set, else through the {@code ServiceLoader}, which
 * reads the service files of every jar on the class path each time (1 % of a retex's samples in a
 * profile of round 11, docs/performance.md). When the property is unset and no jar declares an
 * implementation, the JDK's own is the one the lookup ends with: naming it changes nothing but the
 * search.
 */
public final class XmlDatatypes {

  private static final Logger LOG = LoggerFactory.getLogger(XmlDatatypes.class);
  /** The system property {@link DatatypeFactory#newInstance()} reads first. */
  static final String PROPERTY = DatatypeFactory.DATATYPEFACTORY_PROPERTY;
  /** Where a jar would declare another implementation. */
  static final String SERVICE_FILE = "META-INF/services/" + PROPERTY;

  private XmlDatatypes() {}

  /** Sets {@value #PROPERTY} to the JDK's implementation when unset and no jar declares another. */
  static void nameJdkFactory(ClassLoader classLoader) {
    if (System.getProperty(PROPERTY) != null) {
      return;
    }
    if (classLoader.getResource(SERVICE_FILE) != null) {
      LOG.info("{} declared on the class path: timers look their datatype factory up each time", SERVICE_FILE);
      return;
    }
    System.setProperty(PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
  }
}
