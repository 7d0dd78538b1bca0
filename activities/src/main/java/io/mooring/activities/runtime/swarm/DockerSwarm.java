package io.mooring.activities.runtime.swarm;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.EndpointSpec;
import com.github.dockerjava.api.model.PortConfig;
import com.github.dockerjava.api.model.PortConfigProtocol;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServiceReplicatedModeOptions;
import com.github.dockerjava.api.model.ServiceRestartCondition;
import com.github.dockerjava.api.model.ServiceRestartPolicy;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskSpec;
import com.github.dockerjava.api.model.TaskState;
import com.github.dockerjava.api.model.UpdateConfig;
import com.github.dockerjava.api.model.UpdateFailureAction;
import com.github.dockerjava.api.model.UpdateOrder;
import io.mooring.activities.runtime.ContainerStatus;
import io.mooring.activities.runtime.InstanceOf;
import io.mooring.activities.runtime.RuntimeUnavailableException;
import io.mooring.activities.runtime.ServiceRuntime;
import io.mooring.activities.runtime.ServiceToRun;
import io.mooring.activities.runtime.docker.DockerClients;
import io.mooring.activities.services.ContainerSettings;
import io.mooring.activities.services.CrashPolicy;
import io.mooring.activities.services.PortSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link ServiceRuntime} on Docker Swarm mode, through the manager's engine API: one Swarm service
 * per Mooring service, labelled as Mooring's, its replicas Swarm's tasks.
 *
 * <p>Published ports use host mode: the routing mesh needs IPVS in the kernel, which some hosts
 * lack, and host mode lets each task answer on its own node's address, where its health is asked.
 */
public class DockerSwarm implements ServiceRuntime, AutoCloseable {

  /** Labels of the Swarm service that tie it to Mooring. */
  static final String SERVICE = "mooring.service";
  static final String TAG = "mooring.tag";

  private final String host;
  private final DockerClient docker;

  public DockerSwarm(String host) {
    this.host = host;
    this.docker = DockerClients.connect(host);
  }

  @Override
  public String endpoint() {
    return host;
  }

  @Override
  public void apply(ServiceToRun service) {
    ServiceSpec wanted = spec(service);
    call("state service " + service.service(), () -> {
      Optional<Service> existing = find(service.service());
      if (existing.isEmpty()) {
        try {
          docker.createServiceCmd(wanted).exec();
          return null;
        } catch (ConflictException createdMeanwhile) {
          existing = find(service.service());
        }
      }
      Service current = existing.orElseThrow();
      if (!sameAsStated(current.getSpec(), wanted)) {
        // The version read with the spec: an update based on an older read is refused, never applied twice.
        docker.updateServiceCmd(current.getId(), wanted).withVersion(current.getVersion().getIndex()).exec();
      }
      return null;
    });
  }

  /** What Mooring states of a service; the rest of a spec (Swarm's defaults) is left to Swarm. */
  private static boolean sameAsStated(ServiceSpec current, ServiceSpec wanted) {
    return Objects.equals(current.getLabels(), wanted.getLabels())
        && Objects.equals(current.getTaskTemplate().getContainerSpec().getImage(),
            wanted.getTaskTemplate().getContainerSpec().getImage())
        && Objects.equals(current.getTaskTemplate().getContainerSpec().getEnv(),
            wanted.getTaskTemplate().getContainerSpec().getEnv())
        && Objects.equals(current.getMode().getReplicated().getReplicas(),
            wanted.getMode().getReplicated().getReplicas());
  }

  static ServiceSpec spec(ServiceToRun service) {
    ContainerSettings container = service.container();
    if (container.runCommand() != null || container.entrypoint() != null) {
      throw new IllegalArgumentException("A run command or entrypoint of its own is not run in swarm mode yet: "
          + service.service() + " runs its image's own");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(SERVICE, service.service());
    labels.put(TAG, service.tag());
    List<String> env = service.env().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + e.getValue())
        .toList();
    List<PortConfig> ports = container.ports().stream()
        .filter(PortSpec::published)
        .map(port -> new PortConfig()
            .withTargetPort(port.inner())
            .withPublishedPort(port.outer() == null ? 0 : port.outer())
            .withProtocol("udp".equalsIgnoreCase(port.protocol()) ? PortConfigProtocol.UDP : PortConfigProtocol.TCP)
            .withPublishMode(PortConfig.PublishMode.host))
        .toList();
    // Two tasks of one node cannot take the same fixed port: those services replace a task in place.
    boolean fixedPort = ports.stream().anyMatch(port -> port.getPublishedPort() != 0);
    return new ServiceSpec()
        .withName(service.service())
        .withLabels(labels)
        .withTaskTemplate(new TaskSpec()
            .withContainerSpec(new ContainerSpec().withImage(service.image()).withEnv(env))
            .withRestartPolicy(new ServiceRestartPolicy().withCondition(restartOn(container.autorestart()))))
        .withMode(new ServiceModeConfig().withReplicated(
            new ServiceReplicatedModeOptions().withReplicas(service.replicas())))
        .withEndpointSpec(new EndpointSpec().withPorts(ports))
        .withUpdateConfig(new UpdateConfig()
            .withParallelism(1L)
            .withOrder(fixedPort ? UpdateOrder.STOP_FIRST : UpdateOrder.START_FIRST)
            .withFailureAction(UpdateFailureAction.PAUSE));
  }

  private static ServiceRestartCondition restartOn(CrashPolicy policy) {
    return switch (policy) {
      case OFF -> ServiceRestartCondition.NONE;
      case ON_FAILURE -> ServiceRestartCondition.ON_FAILURE;
      case ALWAYS -> ServiceRestartCondition.ANY;
    };
  }

  @Override
  public List<ContainerStatus> instancesOf(String service) {
    return call("list the tasks of " + service, () -> {
      Optional<Service> found = find(service);
      if (found.isEmpty()) {
        return List.of();
      }
      Map<String, String> labels = found.get().getSpec().getLabels();
      Map<String, SwarmNode> nodes = new HashMap<>();
      docker.listSwarmNodesCmd().exec().forEach(node -> nodes.put(node.getId(), node));
      return docker.listTasksCmd().withServiceFilter(found.get().getId()).exec().stream()
          .filter(task -> task.getDesiredState() == TaskState.RUNNING)
          .map(task -> status(service, labels, task, nodes.get(task.getNodeId())))
          .sorted(Comparator.comparingInt(ContainerStatus::number))
          .toList();
    });
  }

  private static ContainerStatus status(String service, Map<String, String> labels, Task task, SwarmNode node) {
    var taskStatus = task.getStatus();
    TaskState state = taskStatus == null ? TaskState.NEW : taskStatus.getState();
    Integer exitCode = taskStatus == null || taskStatus.getContainerStatus() == null
        ? null : taskStatus.getContainerStatus().getExitCode();
    int slot = task.getSlot() == null ? 0 : task.getSlot();
    InstanceOf of = new InstanceOf(service, "", slot, 0, labels.getOrDefault(TAG, ""));
    String image = task.getSpec() == null || task.getSpec().getContainerSpec() == null
        ? null : task.getSpec().getContainerSpec().getImage();
    return new ContainerStatus(service + "." + slot + "." + task.getId(), state.getValue(),
        exitCode == null ? 0 : exitCode, taskStatus == null ? null : taskStatus.getErr(), of, 0, null, image,
        node == null || node.getStatus() == null ? null : node.getStatus().getAddress(), List.of(), null,
        node == null || node.getDescription() == null ? null : node.getDescription().getHostname());
  }

  @Override
  public void remove(String service) {
    call("remove service " + service, () -> {
      find(service).ifPresent(found -> {
        try {
          docker.removeServiceCmd(found.getId()).exec();
        } catch (NotFoundException goneMeanwhile) {
          // Removed by an earlier attempt: what was asked is done.
        }
      });
      return null;
    });
  }

  /** The Swarm service of that name that Mooring runs; never one of the same name it did not make. */
  private Optional<Service> find(String service) {
    return docker.listServicesCmd().withNameFilter(List.of(service)).exec().stream()
        .filter(s -> service.equals(s.getSpec().getName()))
        .filter(s -> s.getSpec().getLabels() != null && service.equals(s.getSpec().getLabels().get(SERVICE)))
        .findFirst();
  }

  /** Runs a call to the manager; one that fails says which manager and what it was asked. */
  private <T> T call(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (DockerException | DockerClientException e) {
      throw new RuntimeUnavailableException("Docker Swarm manager at " + host + " failed to " + what + ": "
          + firstLine(e.getMessage()), e);
    } catch (UncheckedIOException e) {
      throw new RuntimeUnavailableException("Docker Swarm manager at " + host + " is unreachable: could not " + what, e);
    }
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("").strip();
  }

  @Override
  public void close() throws IOException {
    docker.close();
  }
}
