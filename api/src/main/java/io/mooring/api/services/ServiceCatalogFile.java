package io.mooring.api.services;

import java.util.List;
import java.util.Map;

/** The services file as written by a platform team (see the README for an example). */
public record ServiceCatalogFile(List<Entry> services) {

  public ServiceCatalogFile {
    services = services == null ? List.of() : List.copyOf(services);
  }

  /** One service; {@code tag} is only the version it starts with, deployments change it later. */
  public record Entry(
      String name,
      String repository,
      String tag,
      Integer replicas,
      Integer port,
      String healthPath,
      Map<String, String> env,
      String regressionImage,
      String credentials) {}
}
