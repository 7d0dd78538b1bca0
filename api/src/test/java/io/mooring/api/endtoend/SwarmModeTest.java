package io.mooring.api.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskState;
import io.mooring.activities.runtime.docker.DockerClients;
import io.mooring.api.Http;
import io.mooring.api.Http.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Swarm mode on a real two-node swarm (.ci/swarm.sh: this run's dockerd as the manager, a second
 * one in a network namespace as a worker): a service created through Tutum's API runs as one
 * Swarm service, its replicas Swarm's tasks spread over both nodes, by digest, each answering on
 * its own node's address.
 */
@Tag("swarm")
class SwarmModeTest {

  private static final RealComponents REAL = RealComponents.fromEnvironment();
  private static final String FORM_IT = "form the swarm with .ci/swarm.sh up and eval \"$(.ci/swarm.sh env)\"";
  private static final String MANAGER = RealComponents.required("MOORING_E2E_SWARM_MANAGER", FORM_IT);
  private static final String WORKER = RealComponents.required("MOORING_E2E_SWARM_WORKER", FORM_IT);
  private static final String REGISTRY = RealComponents.required("MOORING_E2E_SWARM_REGISTRY", FORM_IT);

  private static Path data;
  private static MooringProcess mooring;
  private static Http http;
  private static DockerClient manager;
  private static DockerClient worker;
  private final HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @BeforeAll
  static void startMooringInSwarmMode() throws Exception {
    data = Files.createTempDirectory("mooring-swarm");
    Files.writeString(data.resolve("services.yml"), "services: []\n");
    mooring = MooringProcess.realMode(REAL, data, Map.of(
        "MOORING_RUNTIME_MODE", "swarm",
        "MOORING_RUNTIME_DOCKER_HOST", MANAGER,
        "MOORING_REGISTRY_DEFAULT_REGISTRY", REGISTRY,
        "MOORING_REGISTRY_ALLOWED_HOSTS", REGISTRY,
        "MOORING_REGISTRY_INSECURE_HOSTS", REGISTRY,
        "SPRING_TEMPORAL_NAMESPACE", TemporalNamespaces.ofItsOwn(REAL, "mooring-swarm")));
    mooring.start();
    http = new Http(mooring.root(), null).bearer(Files.readString(data.resolve("admin-token")).strip());
    manager = DockerClients.connect(MANAGER);
    worker = DockerClients.connect(WORKER);
  }

  @AfterAll
  static void stopMooring() throws Exception {
    if (manager != null) {
      manager.listServicesCmd().withLabelFilter(Map.of("mooring.service", "swarm-web")).exec()
          .forEach(service -> manager.removeServiceCmd(service.getId()).exec());
      manager.close();
    }
    if (worker != null) {
      worker.close();
    }
    if (mooring != null) {
      mooring.close();
    }
  }

  @Test
  void aServiceCreatedThroughTutumRunsAsOneSwarmServiceSpreadOverBothNodesByDigest() throws Exception {
    Reply created = http.post("/api/v1/service/", """
        {"image": "demo/web:1.0.0", "name": "swarm-web", "target_num_containers": 4,
         "container_ports": [{"protocol": "tcp", "inner_port": 8080, "published": true}],
         "container_envvars": [{"key": "BIND_ADDRESS", "value": "0.0.0.0"}, {"key": "PORT", "value": "8080"}]}""");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String service = created.json().get("resource_uri").asString();

    Reply started = http.post(service + "start/", "");
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
        .until(() -> http.get(service).json().get("state").asString(), state -> !state.equals("Starting"));
    assertThat(http.get(service).json().get("state").asString()).isEqualTo("Running");

    Service swarmService = manager.listServicesCmd().withNameFilter(List.of("swarm-web")).exec().get(0);
    assertThat(swarmService.getSpec().getLabels()).containsEntry("mooring.service", "swarm-web");
    List<Task> tasks = manager.listTasksCmd().withServiceFilter(swarmService.getId()).exec().stream()
        .filter(task -> task.getDesiredState() == TaskState.RUNNING).toList();
    assertThat(tasks).hasSize(4).allSatisfy(task -> {
      assertThat(task.getStatus().getState()).isEqualTo(TaskState.RUNNING);
      assertThat(task.getSpec().getContainerSpec().getImage()).startsWith(REGISTRY + "/demo/web@sha256:");
    });
    Map<String, String> nodeNames = new HashMap<>();
    for (SwarmNode node : manager.listSwarmNodesCmd().exec()) {
      nodeNames.put(node.getId(), node.getDescription().getHostname());
    }
    Set<String> nodes = tasks.stream().map(task -> nodeNames.get(task.getNodeId())).collect(Collectors.toSet());
    assertThat(nodes).as("spread over both nodes").hasSize(2);

    List<String> versions = new ArrayList<>();
    for (var node : List.of(manager, worker)) {
      String address = node.infoCmd().exec().getSwarm().getNodeAddr();
      for (Container container : node.listContainersCmd()
          .withLabelFilter(Map.of("com.docker.swarm.service.name", "swarm-web")).exec()) {
        // Each published port once, though the engine lists it for IPv4 and IPv6 alike.
        Set<Integer> published = java.util.Arrays.stream(container.getPorts())
            .filter(port -> port.getPublicPort() != null && port.getPrivatePort() == 8080)
            .map(ContainerPort::getPublicPort)
            .collect(Collectors.toSet());
        for (int port : published) {
          versions.add(get("http://" + address + ":" + port + "/version"));
        }
      }
    }
    assertThat(versions).as("each task answers on its node's address").containsOnly("1.0.0").hasSize(4);

    assertThat(http.get("/api/v1/action/?object=" + service).json().get("objects").findValuesAsString("state"))
        .containsExactly("Success");
  }

  private String get(String url) throws Exception {
    return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
        .until(() -> plain.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.ofString()).body().strip(), body -> !body.isEmpty());
  }
}
