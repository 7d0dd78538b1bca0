package io.mooring.activities.runtime;

import io.mooring.activities.services.ContainerSettings;
import java.util.Map;
import java.util.UUID;

/**
 * A whole service as Mooring states it to a runtime that places and keeps its instances itself.
 *
 * @param service the service's unique name
 * @param operationId the deployment or action that states it
 * @param image the image by digest ({@code repo@sha256:…}), never a bare tag: every node runs the
 *     same bytes
 * @param tag the tag that digest was resolved from, kept beside the service
 * @param replicas how many instances should run
 */
public record ServiceToRun(
    String service,
    UUID operationId,
    String image,
    String tag,
    int replicas,
    Map<String, String> env,
    ContainerSettings container) {

  public ServiceToRun {
    env = env == null ? Map.of() : Map.copyOf(env);
  }
}
