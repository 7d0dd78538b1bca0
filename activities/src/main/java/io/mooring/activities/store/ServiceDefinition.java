package io.mooring.activities.store;

import java.util.Map;

/**
 * A container service as Mooring runs it: where its image lives, which tag runs now and how each
 * replica is started. Workflows carry it as a snapshot, so a deployment keeps the definition it
 * started with even if the catalog changes meanwhile.
 *
 * @param repository image repository including the registry host, e.g. {@code 127.0.0.1:5000/demo/web}
 * @param port first host port of the service; replicas get consecutive ports from here
 * @param healthPath HTTP path that answers 2xx once a replica is ready; null means "running is ready"
 * @param regressionImage repository of the regression test image; null means no tests
 * @param credentials name of the registry credentials to use; null means anonymous
 */
public record ServiceDefinition(
    String name,
    String repository,
    String tag,
    String digest,
    int replicas,
    int port,
    String healthPath,
    Map<String, String> env,
    String regressionImage,
    String credentials) {

  public ServiceDefinition {
    env = env == null ? Map.of() : Map.copyOf(env);
  }

  public ServiceDefinition withVersion(String newTag, String newDigest) {
    return new ServiceDefinition(
        name, repository, newTag, newDigest, replicas, port, healthPath, env, regressionImage, credentials);
  }
}
