package io.mooring.api.services;

import io.mooring.activities.services.ServiceDefinition;
import io.mooring.activities.services.ServiceStore;
import io.mooring.api.common.images.TagRule;
import io.mooring.api.common.settings.MooringSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.stereotype.Component;

/**
 * Reads the services file at start and registers every service in it. Safe to run at every start:
 * a known service gets its new settings but keeps the version it runs.
 */
@Component
@Order(0)
class ServiceCatalogLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ServiceCatalogLoader.class);
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final Pattern REPOSITORY = Pattern.compile("[a-z0-9.:\\[\\]-]+(/[a-z0-9._-]+)+|[a-z0-9._-]+");

  private final MooringSettings settings;
  private final ServiceStore services;

  ServiceCatalogLoader(MooringSettings settings, ServiceStore services) {
    this.settings = settings;
    this.services = services;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    if (settings.servicesFile() == null || settings.servicesFile().isBlank()) {
      log.info("No services file configured (mooring.services-file): the catalog keeps what it has");
      return;
    }
    List<ServiceDefinition> definitions = read(Path.of(settings.servicesFile()));
    definitions.forEach(services::register);
    log.info("Registered {} service(s) from {}", definitions.size(), settings.servicesFile());
  }

  static List<ServiceDefinition> read(Path file) throws IOException {
    if (!Files.isReadable(file)) {
      throw new IllegalStateException("The services file " + file + " does not exist or cannot be read");
    }
    List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("services", new FileSystemResource(file));
    Binder binder = new Binder(ConfigurationPropertySources.from(sources));
    ServiceCatalogFile catalog = binder.bind("", ServiceCatalogFile.class).orElse(new ServiceCatalogFile(List.of()));
    List<ServiceDefinition> definitions = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < catalog.services().size(); i++) {
      var entry = catalog.services().get(i);
      String where = "services[" + i + "]" + (entry.name() == null ? "" : " (" + entry.name() + ")");
      if (entry.name() == null || !NAME.matcher(entry.name()).matches()) {
        problems.add(where + ": name must be lowercase letters, digits and dashes, at most 63 characters");
      } else if (!seen.add(entry.name())) {
        problems.add(where + ": name appears twice");
      }
      if (entry.repository() == null || !REPOSITORY.matcher(entry.repository()).matches()) {
        problems.add(where + ": repository must be an image repository such as 127.0.0.1:5000/demo/web");
      }
      if (!TagRule.allows(entry.tag())) {
        problems.add(where + ": tag must be a valid Docker tag");
      }
      int replicas = entry.replicas() == null ? 1 : entry.replicas();
      if (replicas < 1 || replicas > 50) {
        problems.add(where + ": replicas must be from 1 to 50");
      }
      if (entry.port() == null || entry.port() < 1 || entry.port() + 2 * replicas > 65535) {
        problems.add(where + ": port must be given, and room for two sets of replicas must fit below 65536");
      }
      if (entry.regressionImage() != null && !REPOSITORY.matcher(entry.regressionImage()).matches()) {
        problems.add(where + ": regression-image must be an image repository");
      }
      definitions.add(new ServiceDefinition(entry.name(), entry.repository(), entry.tag(), null, replicas,
          entry.port() == null ? 0 : entry.port(), entry.healthPath(), entry.env(), entry.regressionImage(),
          entry.credentials()));
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("The services file " + file + " is not valid:\n  " + String.join("\n  ", problems));
    }
    return definitions;
  }
}
