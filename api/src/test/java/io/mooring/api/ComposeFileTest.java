package io.mooring.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * docker-compose.yml sets Mooring's settings through environment variables; a misspelt one would
 * be silently ignored. Every variable must name a property some part of Mooring declares.
 */
class ComposeFileTest {

  @Test
  void everySettingGivenToMooringIsOneMooringReads() throws IOException {
    JsonNode compose = new YAMLMapper().readTree(Path.of("..", "docker-compose.yml").toFile());
    JsonNode environment = compose.get("services").get("mooring").get("environment");
    List<ConfigurationPropertyName> declared = declaredProperties();

    List<String> unknown = new ArrayList<>();
    for (String variable : environment.propertyNames()) {
      // Spring's own environment-variable binding decides what the variable feeds.
      ConfigurationPropertySource source = ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(
          "compose", Map.of(variable, environment.get(variable).asString())));
      boolean read = declared.stream().anyMatch(name -> source.getConfigurationProperty(name) != null
          || source.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT);
      if (!read) {
        unknown.add(variable);
      }
    }
    assertThat(unknown).as("environment variables no property reads").isEmpty();
    assertThat(environment.propertyNames()).contains("SPRING_DATASOURCE_URL", "SPRING_TEMPORAL_CONNECTION_TARGET",
        "MOORING_RUNTIME_DOCKER_HOST", "MOORING_SERVICES_FILE");
  }

  @Test
  void noPasswordHasADefault() throws IOException {
    JsonNode compose = new YAMLMapper().readTree(Path.of("..", "docker-compose.yml").toFile());
    compose.get("services").forEach(service -> {
      JsonNode environment = service.get("environment");
      if (environment != null) {
        environment.properties().forEach(e -> {
          if (e.getKey().contains("PASSWORD") || e.getKey().endsWith("_PWD")) {
            assertThat(e.getValue().asString()).as(e.getKey()).startsWith("${").contains(":?");
          }
        });
      }
    });
  }

  /** Every property declared in a configuration metadata file on the classpath. */
  private static List<ConfigurationPropertyName> declaredProperties() throws IOException {
    List<ConfigurationPropertyName> names = new ArrayList<>();
    Resource[] files = new PathMatchingResourcePatternResolver()
        .getResources("classpath*:META-INF/spring-configuration-metadata.json");
    JsonMapper json = JsonMapper.builder().build();
    for (Resource file : files) {
      try (InputStream in = file.getInputStream()) {
        json.readTree(in).path("properties").forEach(p -> {
          String name = p.get("name").asString();
          if (ConfigurationPropertyName.isValid(name)) {
            names.add(ConfigurationPropertyName.of(name));
          }
        });
      }
    }
    assertThat(names).as("configuration metadata found").isNotEmpty();
    return Collections.unmodifiableList(names);
  }
}
