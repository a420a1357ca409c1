package fr.reflexespublics.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The timers' datatype factory is named, unless set already or declared by a jar. */
class XmlDatatypesTest {

  private String before;

  @BeforeEach
  void keep() {
    before = System.getProperty(XmlDatatypes.PROPERTY);
    System.clearProperty(XmlDatatypes.PROPERTY);
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(XmlDatatypes.PROPERTY);
    } else {
      System.setProperty(XmlDatatypes.PROPERTY, before);
    }
  }

  @Test
  void theJdksFactoryIsNamedAndTimersStillParseTheirDurations() throws Exception {
    assertThat(getClass().getClassLoader().getResource(XmlDatatypes.SERVICE_FILE)).as("no jar declares one").isNull();

    XmlDatatypes.nameJdkFactory(getClass().getClassLoader());

    assertThat(System.getProperty(XmlDatatypes.PROPERTY))
        .isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    assertThat(DatatypeFactory.newInstance().getClass().getName())
        .as("the implementation the search ended with before")
        .isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    java.util.Date start = new java.util.Date(1_700_000_000_000L);
    assertThat(new DurationHelper("P2DT3H", start).getDateAfter(start).getTime() - start.getTime())
        .isEqualTo(Duration.ofDays(2).plusHours(3).toMillis());
  }

  @Test
  void aPropertySetAlreadyOrAFactoryDeclaredByAJarIsLeftAlone(@TempDir Path jar) throws IOException {
    System.setProperty(XmlDatatypes.PROPERTY, "org.example.OwnFactory");
    XmlDatatypes.nameJdkFactory(getClass().getClassLoader());
    assertThat(System.getProperty(XmlDatatypes.PROPERTY)).isEqualTo("org.example.OwnFactory");

    System.clearProperty(XmlDatatypes.PROPERTY);
    Path service = jar.resolve(XmlDatatypes.SERVICE_FILE);
    Files.createDirectories(service.getParent());
    Files.writeString(service, "org.example.OwnFactory\n");
    try (var declaring = new java.net.URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
      XmlDatatypes.nameJdkFactory(declaring);
    }
    assertThat(System.getProperty(XmlDatatypes.PROPERTY)).isNull();
  }
}
