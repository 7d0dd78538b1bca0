package io.mooring.activities.runtime;

import io.mooring.activities.registry.ImageReference;
import io.mooring.activities.registry.RegistryCredentials;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The container engine, as deployments need it. Every operation is safe to repeat: starting a
 * running container, stopping a stopped one or removing a missing one does nothing, because
 * activities that call them are retried after crashes.
 */
public interface ContainerRuntime {

  /** Where the engine listens, for messages that tell an operator what to fix. */
  String endpoint();

  /** True when the engine answers. */
  boolean ping();

  void pull(ImageReference image, Optional<RegistryCredentials> credentials, Runnable progress);

  /** True when the engine already has the image (by digest: it cannot have changed). */
  boolean hasImage(ImageReference image);

  /** Creates the replica unless one of its name exists, then makes sure it runs. */
  void startReplica(ReplicaToStart replica);

  /** Creates the one-shot instance unless one of its name exists, then makes sure it has started. */
  void runToCompletion(RunToCompletion run);

  Optional<ContainerStatus> status(String name);

  /** The replicas of one service, running or not. */
  List<ContainerStatus> replicasOf(String service);

  /**
   * Where a replica answers on the service's port, as {@code host:port}, for callers on this
   * machine such as the regression tests; empty when it publishes no port. The runtime knows
   * whether that is the loopback, a bridge address or a node's.
   */
  Optional<String> reachableAt(ContainerStatus replica);

  /** The replicas of every service, running or not. */
  List<ContainerStatus> replicas();

  void start(String name);

  void stop(String name);

  void remove(String name);

  /** The last {@code tail} lines the container wrote to stdout and stderr. */
  default List<String> logs(String name, int tail) {
    return output(name, tail).stream().map(ContainerOutput::line).filter(line -> !line.isEmpty()).toList();
  }

  /** The last {@code tail} lines the container wrote, each with when it was written; empty when it is gone. */
  List<ContainerOutput> output(String name, int tail);

  /**
   * Hands each line the container writes to {@code line} as it is written, after its last
   * {@code tail} lines, until the answer is closed or the container stops; then runs {@code ended}.
   */
  AutoCloseable follow(String name, int tail, Consumer<ContainerOutput> line, Runnable ended);

  /**
   * Hands every replica container that stops to {@code stopped}, as the engine reports it, until the
   * answer is closed; {@code lost} is told when the engine's stream ends or breaks, so the caller
   * can watch again (stops in between are missed: a caller also looks for itself now and then).
   */
  AutoCloseable watchStops(Consumer<StoppedContainer> stopped, Consumer<Throwable> lost);
}
