package io.mooring.activities.services;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A container service as Mooring runs it: where its image lives, which tag runs now and how each
 * replica is started. Workflows carry it as a snapshot, so an operation keeps the definition it
 * started with even if the record changes meanwhile.
 *
 * @param name the unique name (Tutum's {@code unique_name}, Harmony's path segment)
 * @param repository image repository including the registry host, e.g. {@code 127.0.0.1:5000/demo/web}
 * @param replicas how many containers should run (Tutum's {@code target_num_containers})
 * @param port first host port of a host-network service; replicas get consecutive ports from here
 * @param healthPath HTTP path that answers 2xx once a replica is ready; null means "running is ready"
 * @param regressionImage repository of the regression test image; null means no tests
 * @param credentials name of the registry credentials to use; null means anonymous
 * @param uuid the service's id; null in histories recorded before services had one
 * @param container how each container runs; host networking in histories recorded before
 * @param runtime the runtime it runs on, recorded at its creation; the engine in histories recorded
 *     before
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
    String credentials,
    UUID uuid,
    ContainerSettings container,
    RuntimeKind runtime) {

  public ServiceDefinition {
    env = env == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(env));
    container = container == null ? ContainerSettings.hostNetwork() : container;
    runtime = runtime == null ? RuntimeKind.ENGINE : runtime;
  }

  /** A service on the single Docker Engine. */
  public ServiceDefinition(String name, String repository, String tag, String digest, int replicas, int port,
      String healthPath, Map<String, String> env, String regressionImage, String credentials, UUID uuid,
      ContainerSettings container) {
    this(name, repository, tag, digest, replicas, port, healthPath, env, regressionImage, credentials, uuid, container,
        RuntimeKind.ENGINE);
  }

  /** A service of the services file, which runs on the host network. */
  public ServiceDefinition(String name, String repository, String tag, String digest, int replicas, int port,
      String healthPath, Map<String, String> env, String regressionImage, String credentials) {
    this(name, repository, tag, digest, replicas, port, healthPath, env, regressionImage, credentials, null, null, RuntimeKind.ENGINE);
  }

  public ServiceDefinition withVersion(String newTag, String newDigest) {
    return new ServiceDefinition(name, repository, newTag, newDigest, replicas, port, healthPath, env,
        regressionImage, credentials, uuid, container, runtime);
  }

  public ServiceDefinition withReplicas(int target) {
    return new ServiceDefinition(name, repository, tag, digest, target, port, healthPath, env, regressionImage,
        credentials, uuid, container, runtime);
  }

  public ServiceDefinition withContainer(ContainerSettings settings) {
    return new ServiceDefinition(name, repository, tag, digest, replicas, port, healthPath, env, regressionImage,
        credentials, uuid, settings, runtime);
  }

  public ServiceDefinition withRuntime(RuntimeKind kind) {
    return new ServiceDefinition(name, repository, tag, digest, replicas, port, healthPath, env, regressionImage,
        credentials, uuid, container, kind);
  }

  public boolean onHostNetwork() {
    return container.networking() == Networking.HOST;
  }
}
