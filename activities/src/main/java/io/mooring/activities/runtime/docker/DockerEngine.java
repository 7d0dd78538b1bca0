package io.mooring.activities.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.RestartPolicy;
import io.mooring.activities.access.ServiceApiAccess;
import io.mooring.activities.registry.ImageReference;
import io.mooring.activities.registry.RegistryCredentials;
import io.mooring.activities.runtime.ContainerOutput;
import io.mooring.activities.runtime.ContainerRuntime;
import io.mooring.activities.runtime.ContainerStatus;
import io.mooring.activities.runtime.PublishedPort;
import io.mooring.activities.runtime.ReplicaToStart;
import io.mooring.activities.runtime.RunToCompletion;
import io.mooring.activities.runtime.RuntimeUnavailableException;
import io.mooring.activities.runtime.StoppedContainer;
import io.mooring.activities.services.ContainerSettings;
import io.mooring.activities.services.Networking;
import io.mooring.activities.services.PortSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link ContainerRuntime} on the Docker Engine API, through docker-java. Replicas of services of
 * the services file use host networking: each listens on the port Mooring gives it in {@code PORT}.
 * Services created through Tutum's API run on the engine's default bridge and publish their ports
 * on {@code publishAddress}.
 */
public class DockerEngine implements ContainerRuntime, AutoCloseable {

  private static final Duration PULL_TIMEOUT = Duration.ofMinutes(10);

  private final String host;
  private final DockerClient docker;
  private final Duration stopTimeout;
  private final String publishAddress;

  /** @param publishAddress the host address published ports listen on; blank for every address */
  public DockerEngine(String host, Duration stopTimeout, String publishAddress) {
    this.host = host;
    this.stopTimeout = stopTimeout;
    this.publishAddress = publishAddress == null ? "" : publishAddress;
    this.docker = DockerClients.connect(host);
  }

  @Override
  public String endpoint() {
    return host;
  }

  @Override
  public boolean ping() {
    try {
      docker.pingCmd().exec();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void pull(ImageReference image, Optional<RegistryCredentials> credentials, Runnable progress) {
    call("pull " + image, () -> {
      var command = docker.pullImageCmd(image.toString());
      credentials.ifPresent(c -> command.withAuthConfig(new AuthConfig()
          .withRegistryAddress(image.registry())
          .withUsername(c.username())
          .withPassword(c.password())));
      try {
        var pulling = command.exec(new PullImageResultCallback() {
          @Override
          public void onNext(PullResponseItem item) {
            progress.run();
            super.onNext(item);
          }
        });
        // Progress is reported every second even when the engine says nothing for a while (a slow
        // registry): it proves this worker is alive, so only a dead one is replaced.
        Instant deadline = Instant.now().plus(PULL_TIMEOUT);
        while (!pulling.awaitCompletion(1, TimeUnit.SECONDS)) {
          progress.run();
          if (Instant.now().isAfter(deadline)) {
            pulling.close();
            throw new RuntimeUnavailableException("Docker Engine at " + host + " did not finish pulling " + image
                + " within " + PULL_TIMEOUT.toMinutes() + " min", null);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RuntimeUnavailableException("Interrupted while pulling " + image, e);
      }
      return null;
    });
  }

  @Override
  public boolean hasImage(ImageReference image) {
    return call("inspect image " + image, () -> {
      try {
        docker.inspectImageCmd(image.toString()).exec();
        return true;
      } catch (NotFoundException e) {
        return false;
      }
    });
  }

  @Override
  public void startReplica(ReplicaToStart replica) {
    run(new ContainerSpec(replica.replica().container(), replica.image(),
        ReplicaLabels.replica(replica.service(), replica.operation(), replica.replica().index(),
            replica.replica().port(), replica.tag()),
        replica.env(), List.of(), true, replica.settings(), replica.reachesHost()));
  }

  @Override
  public void runToCompletion(RunToCompletion run) {
    run(new ContainerSpec(run.name(), run.image(), ReplicaLabels.regression(run.service(), run.operation()),
        run.env(), List.of(), false));
  }

  /** Creates the container unless one of that name exists, then makes sure it runs. */
  void run(ContainerSpec spec) {
    call("start container " + spec.name(), () -> {
      if (status(spec.name()).isEmpty()) {
        try {
          var create = docker.createContainerCmd(spec.image())
              .withName(spec.name())
              .withLabels(spec.labels())
              .withEnv(spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
              .withHostConfig(hostConfig(spec));
          ContainerSettings settings = spec.settings();
          if (settings.networking() == Networking.BRIDGE) {
            create.withExposedPorts(settings.ports().stream().map(DockerEngine::exposed).toList());
          }
          if (!spec.command().isEmpty()) {
            create.withCmd(spec.command());
          } else if (settings.runCommand() != null && !settings.runCommand().isBlank()) {
            create.withCmd(CommandWords.split(settings.runCommand()));
          }
          if (settings.entrypoint() != null && !settings.entrypoint().isBlank()) {
            create.withEntrypoint(CommandWords.split(settings.entrypoint()));
          }
          create.exec();
        } catch (ConflictException createdMeanwhile) {
          // Another attempt created it first; starting it below is all that is left.
        }
      }
      startQuietly(spec.name());
      return null;
    });
  }

  private HostConfig hostConfig(ContainerSpec spec) {
    ContainerSettings settings = spec.settings();
    HostConfig config = HostConfig.newHostConfig().withPrivileged(settings.privileged());
    if (settings.memoryMb() != null) {
      config.withMemory(settings.memoryMb() * 1024L * 1024L);
    }
    if (settings.cpuShares() != null) {
      config.withCpuShares(settings.cpuShares());
    }
    if (settings.networking() == Networking.HOST) {
      return config.withNetworkMode("host")
          .withRestartPolicy(spec.comesBackWithEngine() ? RestartPolicy.unlessStoppedRestart() : RestartPolicy.noRestart());
    }
    Ports bindings = new Ports();
    for (PortSpec port : settings.ports()) {
      if (port.published()) {
        bindings.bind(exposed(port), port.outer() == null
            ? Ports.Binding.bindIp(publishAddress) : Ports.Binding.bindIpAndPort(publishAddress, port.outer()));
      }
    }
    if (spec.reachesHost()) {
      config.withExtraHosts(ServiceApiAccess.HOST_ALIAS + ":host-gateway");
    }
    return config.withNetworkMode("bridge")
        .withPortBindings(bindings)
        .withRestartPolicy(switch (settings.autorestart()) {
          case OFF -> RestartPolicy.noRestart();
          case ON_FAILURE -> RestartPolicy.onFailureRestart(0);
          case ALWAYS -> RestartPolicy.alwaysRestart();
        });
  }

  private static ExposedPort exposed(PortSpec port) {
    return "udp".equals(port.protocol()) ? ExposedPort.udp(port.inner()) : ExposedPort.tcp(port.inner());
  }

  @Override
  public Optional<ContainerStatus> status(String name) {
    return call("inspect container " + name, () -> {
      try {
        InspectContainerResponse inspect = docker.inspectContainerCmd(name).exec();
        var state = inspect.getState();
        return Optional.of(new ContainerStatus(
            name,
            state.getStatus(),
            state.getExitCodeLong() == null ? 0 : state.getExitCodeLong().intValue(),
            state.getError(),
            ReplicaLabels.read(inspect.getConfig().getLabels()),
            inspect.getRestartCount() == null ? 0 : inspect.getRestartCount(),
            startedAt(state.getStartedAt()),
            inspect.getConfig().getImage(),
            bridgeAddress(inspect.getNetworkSettings() == null ? null : inspect.getNetworkSettings().getNetworks()),
            published(inspect.getNetworkSettings() == null ? null : inspect.getNetworkSettings().getPorts()),
            startedAt(inspect.getCreated())));
      } catch (NotFoundException e) {
        return Optional.empty();
      }
    });
  }

  @Override
  public List<ContainerStatus> replicasOf(String service) {
    return list(Map.of(ReplicaLabels.ROLE, "replica", ReplicaLabels.SERVICE, service));
  }

  /** On the host network a replica listens on this machine; on the bridge at its own address. */
  @Override
  public Optional<String> reachableAt(ContainerStatus replica) {
    if (replica.address() == null) {
      return replica.of().port() == 0 ? Optional.empty() : Optional.of("127.0.0.1:" + replica.of().port());
    }
    return replica.ports().stream().findFirst().map(port -> replica.address() + ":" + port.inner());
  }

  @Override
  public List<ContainerStatus> replicas() {
    return list(Map.of(ReplicaLabels.ROLE, "replica"));
  }

  /** All containers, running or not, carrying every one of these labels. */
  public List<ContainerStatus> list(Map<String, String> labels) {
    return call("list containers", () -> docker.listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(labels)
        .exec()
        .stream()
        .map(c -> new ContainerStatus(
            c.getNames()[0].replaceFirst("^/", ""),
            c.getState(),
            exitCodeIn(c.getStatus()),
            null,
            ReplicaLabels.read(c.getLabels()),
            0,
            null,
            c.getImage(),
            c.getNetworkSettings() == null ? null : bridgeAddress(c.getNetworkSettings().getNetworks()),
            published(c.getPorts()),
            c.getCreated() == null ? null : Instant.ofEpochSecond(c.getCreated())))
        .toList());
  }

  /** The engine's list gives the exit code only in its status text, e.g. {@code Exited (137) 3 seconds ago}. */
  private static int exitCodeIn(String status) {
    Matcher exited = EXITED.matcher(status == null ? "" : status);
    return exited.find() ? Integer.parseInt(exited.group(1)) : 0;
  }

  private static final Pattern EXITED = Pattern.compile("^Exited \\((-?\\d+)\\)");

  private static String bridgeAddress(Map<String, ContainerNetwork> networks) {
    if (networks == null) {
      return null;
    }
    return networks.values().stream()
        .map(ContainerNetwork::getIpAddress)
        .filter(ip -> ip != null && !ip.isEmpty())
        .findFirst()
        .orElse(null);
  }

  /** Each port once, with the host port it is published on (IPv4 and IPv6 bindings are one). */
  private static List<PublishedPort> published(ContainerPort[] ports) {
    Map<String, PublishedPort> byPort = new LinkedHashMap<>();
    for (ContainerPort port : ports == null ? new ContainerPort[0] : ports) {
      if (port.getPrivatePort() == null) {
        continue;
      }
      String key = port.getPrivatePort() + "/" + port.getType();
      PublishedPort seen = byPort.get(key);
      if (seen == null || seen.outer() == null) {
        byPort.put(key, new PublishedPort(port.getPrivatePort(), port.getPublicPort(), port.getType()));
      }
    }
    return List.copyOf(byPort.values());
  }

  private static List<PublishedPort> published(Ports ports) {
    List<PublishedPort> published = new ArrayList<>();
    if (ports == null) {
      return published;
    }
    ports.getBindings().forEach((exposed, bindings) -> {
      Integer outer = bindings == null || bindings.length == 0 ? null : Integer.valueOf(bindings[0].getHostPortSpec());
      published.add(new PublishedPort(exposed.getPort(), outer, exposed.getProtocol().toString()));
    });
    return published;
  }

  @Override
  public void start(String name) {
    call("start container " + name, () -> {
      startQuietly(name);
      return null;
    });
  }

  private void startQuietly(String name) {
    try {
      docker.startContainerCmd(name).exec();
    } catch (NotModifiedException alreadyRunning) {
      // Nothing to do.
    }
  }

  @Override
  public void stop(String name) {
    call("stop container " + name, () -> {
      try {
        docker.stopContainerCmd(name).withTimeout((int) stopTimeout.toSeconds()).exec();
      } catch (NotModifiedException | NotFoundException alreadyStopped) {
        // Nothing to do.
      }
      return null;
    });
  }

  @Override
  public void remove(String name) {
    call("remove container " + name, () -> {
      try {
        docker.removeContainerCmd(name).withForce(true).exec();
      } catch (NotFoundException alreadyGone) {
        // Nothing to do.
      }
      return null;
    });
  }

  @Override
  public List<ContainerOutput> output(String name, int tail) {
    return call("read logs of " + name, () -> {
      List<ContainerOutput> lines = new ArrayList<>();
      try {
        docker.logContainerCmd(name).withStdOut(true).withStdErr(true).withTimestamps(true).withTail(tail)
            .exec(new TimedLines(lines::add))
            .awaitCompletion(30, TimeUnit.SECONDS);
      } catch (NotFoundException gone) {
        return List.of();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return lines;
    });
  }

  @Override
  public AutoCloseable follow(String name, int tail, Consumer<ContainerOutput> line, Runnable ended) {
    return call("follow logs of " + name, () -> docker.logContainerCmd(name).withStdOut(true).withStdErr(true)
        .withTimestamps(true).withTail(tail).withFollowStream(true)
        .exec(new TimedLines(line, ended)));
  }

  @Override
  public AutoCloseable watchStops(Consumer<StoppedContainer> stopped, Consumer<Throwable> lost) {
    return call("watch containers", () -> docker.eventsCmd()
        .withEventTypeFilter(EventType.CONTAINER)
        .withEventFilter("die")
        .withLabelFilter(Map.of(ReplicaLabels.ROLE, "replica"))
        .exec(new Stops(stopped, lost)));
  }

  /** The engine's {@code die} events of replicas: their attributes carry the name, the labels and the exit code. */
  private static final class Stops extends ResultCallback.Adapter<Event> {
    private final Consumer<StoppedContainer> stopped;
    private final Consumer<Throwable> lost;

    Stops(Consumer<StoppedContainer> stopped, Consumer<Throwable> lost) {
      this.stopped = stopped;
      this.lost = lost;
    }

    @Override
    public void onNext(Event event) {
      Map<String, String> attributes = event.getActor() == null ? null : event.getActor().getAttributes();
      if (attributes == null || attributes.get(ReplicaLabels.SERVICE) == null || attributes.get("name") == null) {
        return;
      }
      String exitCode = attributes.getOrDefault("exitCode", "0");
      stopped.accept(new StoppedContainer(attributes.get("name"), attributes.get(ReplicaLabels.SERVICE),
          exitCode.matches("-?\\d{1,9}") ? Integer.parseInt(exitCode) : 0));
    }

    @Override
    public void onComplete() {
      super.onComplete();
      lost.accept(null);
    }

    @Override
    public void onError(Throwable failure) {
      // Not the adapter's own: it logs every failure with its stack trace, and an engine that is
      // down fails every watch. Whoever watches says it once, in words.
      try {
        close();
      } catch (java.io.IOException closing) {
        // Nothing was open any more.
      }
      lost.accept(failure);
    }
  }

  /**
   * Splits the engine's frames into lines; each starts with the engine's timestamp, since
   * {@code withTimestamps} asks for it. A frame may end mid-line: the rest comes with the next.
   */
  private static final class TimedLines extends ResultCallback.Adapter<Frame> {
    private final Consumer<ContainerOutput> sink;
    private final Runnable ended;
    private final StringBuilder partial = new StringBuilder();

    TimedLines(Consumer<ContainerOutput> sink) {
      this(sink, () -> { });
    }

    TimedLines(Consumer<ContainerOutput> sink, Runnable ended) {
      this.sink = sink;
      this.ended = ended;
    }

    @Override
    public void onNext(Frame frame) {
      partial.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
      int end;
      while ((end = partial.indexOf("\n")) >= 0) {
        emit(partial.substring(0, end));
        partial.delete(0, end + 1);
      }
    }

    @Override
    public void onComplete() {
      if (!partial.isEmpty()) {
        emit(partial.toString());
        partial.setLength(0);
      }
      super.onComplete();
      ended.run();
    }

    @Override
    public void onError(Throwable failure) {
      super.onError(failure);
      ended.run();
    }

    private void emit(String stamped) {
      String text = stamped.endsWith("\r") ? stamped.substring(0, stamped.length() - 1) : stamped;
      int space = text.indexOf(' ');
      Instant at = space > 0 ? startedAt(text.substring(0, space)) : null;
      sink.accept(at == null ? new ContainerOutput(null, text) : new ContainerOutput(at, text.substring(space + 1)));
    }
  }

  /** Turns "could not talk to the engine" into one clear message that names the socket. */
  private <T> T call(String what, Supplier<T> action) {
    try {
      return action.get();
    } catch (NotFoundException e) {
      throw new RuntimeUnavailableException("Docker Engine at " + host + " could not " + what + ": "
          + firstLine(e.getMessage()), e);
    } catch (DockerException | DockerClientException e) {
      throw new RuntimeUnavailableException("Docker Engine at " + host + " failed to " + what + ": "
          + firstLine(e.getMessage()), e);
    } catch (UncheckedIOException | RuntimeUnavailableException e) {
      throw e instanceof RuntimeUnavailableException r ? r
          : new RuntimeUnavailableException("Docker Engine at " + host + " is unreachable: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (e.getCause() instanceof IOException io) {
        throw new RuntimeUnavailableException(
            "Docker Engine at " + host + " is unreachable (" + what + "): " + io.getMessage(), e);
      }
      throw e;
    }
  }

  /** The engine's RFC 3339 time, or null for "never started" (which it writes as year 1). */
  private static Instant startedAt(String engineTime) {
    if (engineTime == null || engineTime.startsWith("0001-")) {
      return null;
    }
    try {
      return Instant.parse(engineTime);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no detail";
    }
    String trimmed = message.strip();
    int newline = trimmed.indexOf('\n');
    return newline < 0 ? trimmed : trimmed.substring(0, newline);
  }

  @Override
  public void close() throws IOException {
    docker.close();
  }
}
