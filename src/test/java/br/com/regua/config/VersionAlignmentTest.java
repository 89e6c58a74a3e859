package br.com.regua.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Camunda client (pom.xml) and the cluster images (docker-compose.yml) are one release. */
class VersionAlignmentTest {

  private final String clientVersion = System.getProperty("camunda.version");

  @Test
  void composeEnvPinsTheClientVersion() throws Exception {
    assertThat(clientVersion).as("camunda.version passed by surefire").isNotBlank();

    String env = Files.readString(Path.of(".env"));

    assertThat(env).containsPattern("(?m)^CAMUNDA_VERSION=" + Pattern.quote(clientVersion) + "$");
  }

  @Test
  void everyCamundaImageUsesThatVersion() throws Exception {
    String compose = Files.readString(Path.of("docker-compose.yml"));
    Matcher images = Pattern.compile("(?m)^\\s*image:\\s*camunda/\\S+").matcher(compose);

    int count = 0;
    while (images.find()) {
      count++;
      assertThat(images.group()).endsWith(":${CAMUNDA_VERSION:-" + clientVersion + "}");
    }
    assertThat(count).as("Camunda images in docker-compose.yml").isPositive();
  }
}
