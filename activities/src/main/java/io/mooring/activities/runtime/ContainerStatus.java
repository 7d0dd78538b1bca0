package io.mooring.activities.runtime;

import java.time.Instant;
import java.util.List;

/**
 * A container as the engine reports it now.
 *
 * @param state the engine's word for it: created, running, restarting, exited, dead, …
 * @param exitCode meaningful once it has exited
 * @param restarts how often the engine restarted it by its restart policy (0 where not known)
 * @param startedAt when the engine last started it, by the engine's clock (null where not known)
 * @param of the service, operation and number it belongs to
 * @param image the image it was created from, as it was asked for
 * @param address its address on the engine's bridge; null on the host network
 * @param ports its ports and where they are published
 * @param createdAt when it was created (null where not known)
 * @param node the host it runs on, for a runtime of several hosts; null on a single engine
 */
public record ContainerStatus(
    String name,
    String state,
    int exitCode,
    String error,
    InstanceOf of,
    int restarts,
    Instant startedAt,
    String image,
    String address,
    List<PublishedPort> ports,
    Instant createdAt,
    String node) {

  public ContainerStatus {
    of = of == null ? InstanceOf.NONE : of;
    ports = ports == null ? List.of() : List.copyOf(ports);
  }

  public ContainerStatus(String name, String state, int exitCode, String error, InstanceOf of,
      int restarts, Instant startedAt) {
    this(name, state, exitCode, error, of, restarts, startedAt, null, null, List.of(), null, null);
  }

  /** A container of the single engine. */
  public ContainerStatus(String name, String state, int exitCode, String error, InstanceOf of, int restarts,
      Instant startedAt, String image, String address, List<PublishedPort> ports, Instant createdAt) {
    this(name, state, exitCode, error, of, restarts, startedAt, image, address, ports, createdAt, null);
  }

  /** The service it is a replica of; empty for a container of no service. */
  public String service() {
    return of.service();
  }

  /** The tag it was deployed as; empty where not known. */
  public String tag() {
    return of.tag();
  }

  /** Its number within its service; 0 where it has none. */
  public int number() {
    return of.number();
  }

  public boolean running() {
    return "running".equals(state);
  }

  /** It ran and stopped: a result, not something still to do. */
  public boolean exited() {
    return "exited".equals(state) || "dead".equals(state);
  }
}
