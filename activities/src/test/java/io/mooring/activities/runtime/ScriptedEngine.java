package io.mooring.activities.runtime;

import io.mooring.activities.registry.ImageReference;
import io.mooring.activities.registry.RegistryCredentials;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;

/**
 * A container engine that answers {@link #status} with scripted steps, one per call, the last one
 * repeating; a step may return null (no such container) or throw (the engine is away). Everything
 * else succeeds and is remembered.
 */
public final class ScriptedEngine implements ContainerRuntime {

  private final Deque<Supplier<ContainerStatus>> steps = new ConcurrentLinkedDeque<>();
  private final List<ReplicaToStart> started = new ArrayList<>();
  private final List<RunToCompletion> runs = new ArrayList<>();
  private final List<ContainerStatus> replicas = new ArrayList<>();

  public ScriptedEngine then(Supplier<ContainerStatus> step) {
    steps.add(step);
    return this;
  }

  /** A replica {@link #replicasOf} and {@link #replicas} list from now on. */
  public ScriptedEngine withReplica(ContainerStatus replica) {
    replicas.add(replica);
    return this;
  }

  /** Replicas started through {@link #startReplica}, in order. */
  public List<ReplicaToStart> started() {
    return started;
  }

  /** One-shot instances started through {@link #runToCompletion}, in order. */
  public List<RunToCompletion> runs() {
    return runs;
  }

  @Override
  public Optional<ContainerStatus> status(String name) {
    return Optional.ofNullable(steps.size() > 1 ? steps.poll().get() : steps.peek().get());
  }

  @Override
  public String endpoint() {
    return "unix:///nowhere.sock";
  }

  @Override
  public boolean ping() {
    return true;
  }

  @Override
  public void pull(ImageReference image, Optional<RegistryCredentials> credentials, Runnable progress) {}

  @Override
  public boolean hasImage(ImageReference image) {
    return true;
  }

  @Override
  public void startReplica(ReplicaToStart replica) {
    started.add(replica);
  }

  @Override
  public void runToCompletion(RunToCompletion run) {
    runs.add(run);
  }


  @Override
  public List<ContainerStatus> replicasOf(String service) {
    return replicas.stream().filter(replica -> replica.service().equals(service)).toList();
  }

  @Override
  public Optional<String> reachableAt(ContainerStatus replica) {
    return Optional.of("127.0.0.1:" + replica.of().port());
  }

  @Override
  public List<ContainerStatus> replicas() {
    return List.copyOf(replicas);
  }

  @Override
  public void start(String name) {}

  @Override
  public void stop(String name) {}

  @Override
  public void remove(String name) {}

  @Override
  public List<ContainerOutput> output(String name, int tail) {
    return List.of();
  }

  @Override
  public AutoCloseable follow(String name, int tail, java.util.function.Consumer<ContainerOutput> line,
      Runnable ended) {
    ended.run();
    return () -> { };
  }

  @Override
  public AutoCloseable watchStops(java.util.function.Consumer<StoppedContainer> stopped,
      java.util.function.Consumer<Throwable> lost) {
    return () -> { };
  }
}
