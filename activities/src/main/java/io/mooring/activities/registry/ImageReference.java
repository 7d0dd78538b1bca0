package io.mooring.activities.registry;

import java.util.Locale;

/**
 * An image name split the way the OCI distribution API needs it: the registry host, the repository
 * path inside it, and a tag or digest. Follows Docker's rule for what counts as a registry host.
 */
public record ImageReference(String registry, String path, String reference) {

  private static final String DOCKER_HUB = "registry-1.docker.io";

  /** Parses a repository such as {@code 127.0.0.1:5000/demo/web} and pairs it with a tag or digest. */
  public static ImageReference of(String repository, String tagOrDigest) {
    int slash = repository.indexOf('/');
    String first = slash < 0 ? "" : repository.substring(0, slash);
    boolean hasHost = first.contains(".") || first.contains(":") || first.equals("localhost");
    String registry = hasHost ? first : DOCKER_HUB;
    String path = hasHost ? repository.substring(slash + 1) : repository;
    if (!hasHost && !path.contains("/")) {
      path = "library/" + path;
    }
    return new ImageReference(registry.toLowerCase(Locale.ROOT), path, tagOrDigest);
  }

  /** Parses an image pinned by digest, {@code host/path@sha256:…}, as deployments pass them around. */
  public static ImageReference pinned(String image) {
    int at = image.indexOf('@');
    if (at < 0) {
      throw new IllegalArgumentException(image + " is not pinned by digest");
    }
    return of(image.substring(0, at), image.substring(at + 1));
  }

  public boolean isDigest() {
    return reference.contains(":");
  }

  /** The repository as Docker names it, with its registry host. */
  public String repository() {
    return registry + "/" + path;
  }

  /** {@code host/path:tag} or {@code host/path@sha256:…}, as Docker pulls it. */
  @Override
  public String toString() {
    return repository() + (isDigest() ? "@" : ":") + reference;
  }
}
