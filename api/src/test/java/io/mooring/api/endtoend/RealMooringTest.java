package io.mooring.api.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mooring.activities.runtime.ContainerStatus;
import io.mooring.activities.runtime.docker.DockerEngine;
import io.mooring.activities.runtime.docker.ReplicaLabels;
import io.mooring.api.Http;
import io.mooring.api.Http.Reply;
import io.mooring.api.ServiceFleet;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Mooring in real mode, in this JVM: the Docker Engine, an anonymous and an htpasswd registry,
 * PostgreSQL and the Temporal dev server, all started by {@code .ci/components.sh}, with images
 * built by {@code .ci/test-images.sh}. Every request goes to 127.0.0.1. Suites that extend it share
 * one running Mooring.
 */
@Tag("real")
// Logging is set up before dynamic properties arrive, so the log file is named here.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "logging.file.name=" + RealMooringTest.LOG_FILE)
abstract class RealMooringTest {

  static final String LOG_FILE = "target/end-to-end-mooring.log";

  static final RealComponents REAL = RealComponents.fromEnvironment();
  /** Where the registry watcher's webhooks go, signed with {@link WebhookReceiver#SECRET}. */
  static final WebhookReceiver WEBHOOKS = new WebhookReceiver();
  /** A registry that can be made to answer 429, in front of the anonymous one. */
  static final BusyRegistry BUSY = new BusyRegistry(REAL.registry());
  static final Duration DEPLOYMENT = Duration.ofMinutes(2);
  static final Path DATA = temporaryDirectory();
  /** The pipeline token the suite deploys with; created once through the API by the bootstrap admin. */
  static String pipelineToken;

  @LocalServerPort int port;
  /** The engine itself: the suites look at containers by the labels Mooring gives them. */
  @Autowired DockerEngine docker;
  @Autowired WorkflowClient temporal;
  Http http;
  private final HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @DynamicPropertySource
  static void realMode(DynamicPropertyRegistry properties) throws IOException {
    Path data = DATA;
    Path services = data.resolve("services.yml");
    Files.writeString(services, """
        services:
          - name: e2e-web
            repository: %1$s/demo/web
            tag: 1.0.0
            replicas: 3
            port: 28080
            health-path: /health
            regression-image: %1$s/demo/web-tests
          - name: e2e-auth
            repository: %2$s/demo/web
            tag: 1.0.0
            replicas: 1
            port: 28180
            health-path: /health
            regression-image: %2$s/demo/web-tests
            credentials: ci
          - name: e2e-turn
            repository: %1$s/demo/web
            tag: 1.0.0
            replicas: 1
            port: 28280
            health-path: /health
            regression-image: %1$s/demo/web-tests
          - name: e2e-watch-up
            repository: %1$s/demo/watch-up
            tag: 1.0.0
            replicas: 1
            port: 28580
            health-path: /health
          - name: e2e-watch-off
            repository: %1$s/demo/watch-off
            tag: 1.0.0
            replicas: 1
            port: 28680
            health-path: /health
          - name: e2e-watch-broken
            repository: %1$s/demo/watch-broken
            tag: 1.0.0
            replicas: 1
            port: 28780
            health-path: /health
          - name: e2e-watch-pin
            repository: %1$s/demo/watch-pin
            tag: stable
            replicas: 1
            port: 28880
            health-path: /health
          - name: e2e-dash
            repository: %1$s/demo/web
            tag: 1.0.0
            replicas: 1
            port: 29380
            health-path: /health
            regression-image: %1$s/demo/web-tests
          - name: e2e-first-start
            repository: %1$s/demo/web
            tag: 1.0.0
            replicas: 1
            port: 29680
            health-path: /health
            regression-image: %1$s/demo/web-tests
          - name: e2e-dash-idle
            repository: %1$s/demo/web
            tag: 1.2.0
            replicas: 1
            port: 29480
            health-path: /health
          - name: e2e-watch-busy
            repository: %3$s/demo/watch-busy
            tag: 1.0.0
            replicas: 1
            port: 28980
            health-path: /health
        """.formatted(REAL.registry(), REAL.authRegistry(), BUSY.address()) + ServiceFleet.yaml("q", FLEET, REAL.registry(), 31000, 2, "/health"));
    properties.add("mooring.data-dir", data::toString);
    properties.add("mooring.services-file", services::toString);
    properties.add("mooring.runtime.docker-host", REAL::dockerHost);
    properties.add("mooring.runtime.health-timeout", () -> "6s");
    properties.add("mooring.registry.credentials.ci.username", REAL::registryUser);
    properties.add("mooring.registry.credentials.ci.password", REAL::registryPassword);
    properties.add("mooring.registry.default-registry", REAL::registry);
    properties.add("mooring.registry.allowed-hosts", () -> REAL.registry() + "," + REAL.authRegistry());
    // Tests reach published ports on 127.0.0.1 only.
    properties.add("mooring.runtime.publish-address", () -> "127.0.0.1");
    properties.add("spring.datasource.url", REAL::freshDatabase);
    properties.add("spring.datasource.username", () -> "mooring");
    properties.add("spring.datasource.password", () -> "mooring");
    properties.add("spring.temporal.test-server.enabled", () -> "false");
    properties.add("spring.temporal.connection.target", REAL::temporal);
    // The dashboard links into the Temporal UI only where one is configured: CI's dev server runs one.
    properties.add("mooring.dashboard.temporal-ui-url", () -> "http://localhost:8233");
    properties.add("mooring.notifications.webhooks", WEBHOOKS::url);
    properties.add("mooring.notifications.secret", () -> WebhookReceiver.SECRET);
  }

  /** Services {@code q-000} and on, one replica each, for the queue suite. */
  static final int FLEET = 100;

  @BeforeEach
  void startClean() throws IOException {
    Http admin = new Http("http://127.0.0.1:" + port, null).bearer(Files.readString(DATA.resolve("admin-token")).strip());
    if (pipelineToken == null) {
      Reply created = admin.post("/api-tokens", "{\"name\": \"e2e-pipeline\", \"role\": \"admin\"}");
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      pipelineToken = created.json().get("token").asString();
    }
    http = admin.bearer(pipelineToken);
    assertThat(http.put("/service-deployments-state", "{\"enabled\": true}").status()).isEqualTo(200);
  }

  private static Path temporaryDirectory() {
    try {
      Files.deleteIfExists(Path.of(LOG_FILE));
      return Files.createTempDirectory("mooring-e2e");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes {@code tag} the running version of the service, deploying it if needed. */
  List<String> runningVersion(String service, String tag) {
    boolean running = replicas(service).stream().allMatch(c -> tag.equals(c.tag()) && c.running());
    if (!running || replicas(service).isEmpty() || !http.get("/service-image-tag/" + service).body().contains(tag)) {
      JsonNode deployed = deployAndWait(service, "{\"tag\": \"" + tag + "\"}");
      assertThat(deployed.get("status").asString()).as(deployed.toString()).isEqualTo("successful");
    }
    return replicas(service).stream().map(ContainerStatus::name).sorted().toList();
  }

  void assertRunsExactly(String service, List<String> containers, String tag) {
    List<ContainerStatus> now = replicas(service);
    assertThat(now.stream().map(ContainerStatus::name).sorted().toList()).isEqualTo(containers);
    assertThat(now).allSatisfy(c -> {
      assertThat(c.running()).as(c.name() + " runs").isTrue();
      assertThat(versionAt(c)).isEqualTo(tag);
    });
  }

  JsonNode deployAndWait(String service, String body) {
    Reply reply = http.put("/service-image-tag/" + service, body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
    return awaitEnd(idOf(reply));
  }

  JsonNode awaitEnd(String id) {
    return awaitEnd(id, DEPLOYMENT);
  }

  JsonNode awaitEnd(String id, Duration atMost) {
    return await().atMost(atMost).pollInterval(Duration.ofMillis(250))
        .until(() -> http.get("/service-deployment/" + id).json(), d -> !"running".equals(d.get("status").asString()));
  }

  List<String> logOf(JsonNode deployment) {
    return logOf(deployment.get("deploymentId").asString());
  }

  List<String> logOf(String id) {
    List<String> lines = new ArrayList<>();
    http.get("/deployment-logs/" + id + "?timestamps=true").json().forEach(l -> lines.add(l.get("line").asString()));
    return lines;
  }

  Instant lineTime(JsonNode deployment, java.util.function.Predicate<String> line) {
    for (JsonNode l : http.get("/deployment-logs/" + deployment.get("deploymentId").asString() + "?timestamps=true").json()) {
      if (line.test(l.get("line").asString())) {
        return Instant.parse(l.get("at").asString());
      }
    }
    throw new AssertionError("No such line in the log of " + deployment);
  }

  List<ContainerStatus> replicas(String service) {
    return docker.list(Map.of(ReplicaLabels.SERVICE, service, ReplicaLabels.ROLE, "replica"));
  }

  String versionAt(ContainerStatus container) {
    int port = container.of().port();
    try {
      return plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/version"))
          .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).body().strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String idOf(Reply accepted) {
    String link = accepted.json().get("statusLink").asString();
    return link.substring(link.lastIndexOf('/') + 1);
  }
}
