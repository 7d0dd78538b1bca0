package io.mooring.api.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mooring.api.Http;
import io.mooring.api.Http.Reply;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Tutum's service API on the real Docker Engine: a bridged service with published ports taken
 * through every state, the engine's truth read back, and what a deployer may not do.
 */
class TutumLifecycleTest extends RealMooringTest {

  private static final Duration ACTION = Duration.ofMinutes(2);
  private final HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void aBridgedServiceGoesThroughEveryStateOnTheEngine() throws Exception {
    Reply created = http.post("/api/v1/service/", """
        {"image": "demo/web:1.0.0", "name": "tutum-web", "target_num_containers": 2,
         "container_ports": [{"protocol": "tcp", "inner_port": 80, "published": true}],
         "container_envvars": [{"key": "BIND_ADDRESS", "value": "0.0.0.0"}, {"key": "PORT", "value": "80"}]}""");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String service = created.json().get("resource_uri").asString();
    assertThat(created.json().get("state").asString()).isEqualTo("Init");
    assertNotAllowed(http.post(service + "stop/", ""), "Init");

    JsonNode running = act(http.post(service + "start/", ""), "Starting", "Running");
    assertThat(running.get("running_num_containers").asInt()).isEqualTo(2);
    assertThat(running.get("started_datetime").isString()).isTrue();
    List<JsonNode> containers = containersOf(service);
    assertThat(containers).hasSize(2).allSatisfy(c -> {
      assertThat(c.get("state").asString()).isEqualTo("Running");
      assertThat(c.get("service").asString()).isEqualTo(service);
      assertThat(c.get("image_name").asString()).contains("demo/web@sha256:");
    });
    for (JsonNode container : containers) {
      int published = container.get("container_ports").get(0).get("outer_port").asInt();
      assertThat(get("http://127.0.0.1:" + published + "/version")).as("published on 127.0.0.1").isEqualTo("1.0.0");
      assertThat(http.get(container.get("resource_uri").asString() + "logs/").json().get("logs").asString())
          .contains("serving 1.0.0");
    }
    JsonNode serviceLog = http.get(service + "logs/").json();
    assertThat(serviceLog.findValuesAsString("container")).contains("tutum-web-1", "tutum-web-2");
    assertThat(serviceLog.findValuesAsString("line")).allMatch(l -> l.startsWith("serving 1.0.0"));
    assertNotAllowed(http.post(service + "start/", ""), "Running");

    Reply scaling = http.patch(service, "{\"target_num_containers\": 3}");
    assertThat(scaling.status()).as(scaling.toString()).isEqualTo(202);
    JsonNode scaled = awaitState(service, "Running");
    assertThat(scaled.get("running_num_containers").asInt()).isEqualTo(3);

    // Behind Mooring's back: the engine's truth wins within seconds.
    docker.stop(containersOf(service).get(0).get("unique_name").asString());
    JsonNode partly = awaitState(service, "Partly running");
    assertThat(partly.get("running_num_containers").asInt()).isEqualTo(2);
    assertThat(http.get("/api/v1/container/?service=" + service + "&state=Stopped").json().get("meta")
        .get("total_count").asInt()).isEqualTo(1);

    JsonNode redeployed = act(http.post(service + "redeploy/", ""), "Redeploying", "Running");
    assertThat(redeployed.get("running_num_containers").asInt()).isEqualTo(3);
    assertThat(redeployed.get("current_num_containers").asInt()).as("the old containers are gone").isEqualTo(3);

    JsonNode stopped = act(http.post(service + "stop/", ""), "Stopping", "Stopped");
    assertThat(stopped.get("stopped_num_containers").asInt()).isEqualTo(3);
    assertThat(containersOf(service)).allSatisfy(c -> assertThat(c.get("state").asString()).isEqualTo("Stopped"));
    assertNotAllowed(http.post(service + "stop/", ""), "Stopped");
    Reply followed = http.get(service + "logs/?tail=5", "text/event-stream");
    assertThat(followed.body()).as("the stream ends once every container has stopped")
        .contains("event:line").contains("serving 1.0.0").contains("\"container\":\"tutum-web-3\"")
        .contains("event:end");

    act(http.post(service + "start/", ""), "Starting", "Running");
    JsonNode terminated = act(http.delete(service), "Terminating", "Terminated");
    assertThat(terminated.get("destroyed_datetime").isString()).isTrue();
    assertThat(containersOf(service)).isEmpty();
    assertNotAllowed(http.post(service + "start/", ""), "Terminated");

    JsonNode actions = http.get("/api/v1/action/?object=" + service + "&limit=100").json().get("objects");
    List<String> story = new ArrayList<>(actions.findValuesAsString("action"));
    java.util.Collections.reverse(story);
    assertThat(story).containsExactly("Service Start", "Service Scale", "Service Redeploy", "Service Stop",
        "Service Start", "Service Terminate");
    assertThat(actions.findValuesAsString("state")).containsOnly("Success");
  }

  @Test
  void aServiceOfTheServicesFileWithRegressionTestsStartsThroughTutumFromInit() {
    String service = http.get("/api/v1/service/?unique_name=e2e-first-start").json().get("objects").get(0)
        .get("resource_uri").asString();
    assertThat(http.get(service).json().get("state").asString()).isEqualTo("Init");

    JsonNode running = act(http.post(service + "start/", ""), "Starting", "Running");

    assertThat(running.get("running_num_containers").asInt()).isEqualTo(1);
    assertThat(containersOf(service)).singleElement()
        .satisfies(c -> assertThat(c.get("image_name").asString()).contains("demo/web@sha256:"));
    assertThat(http.get("/api/v1/action/?object=" + service).json().get("objects").findValuesAsString("state"))
        .containsExactly("Success");
  }

  @Test
  void aContainerIsStoppedStartedAndTerminatedThroughItsOwnPaths() {
    Reply created = http.post("/api/v1/service/", "{\"image\": \"demo/web:1.0.0\", \"name\": \"tutum-parts\","
        + " \"target_num_containers\": 2}");
    String service = created.json().get("resource_uri").asString();
    act(http.post(service + "start/", ""), "Starting", "Running");
    List<JsonNode> containers = containersOf(service);
    String first = containers.get(0).get("resource_uri").asString();
    String second = containers.get(1).get("resource_uri").asString();

    Reply stopping = http.post(first + "stop/", "");
    assertThat(stopping.status()).as(stopping.toString()).isEqualTo(202);
    assertThat(stopping.header("X-Tutum-Action-URI")).matches("/api/v1/action/[0-9a-f-]{36}/");
    assertThat(stopping.json().get("resource_uri").asString()).isEqualTo(first);
    awaitState(service, "Partly running");
    assertThat(http.get(first).json().get("state").asString()).isEqualTo("Stopped");

    assertThat(http.post(first + "start/", "").status()).isEqualTo(202);
    JsonNode running = awaitState(service, "Running");
    assertThat(running.get("running_num_containers").asInt()).isEqualTo(2);

    assertThat(http.delete(first).status()).isEqualTo(202);
    JsonNode smaller = await().atMost(ACTION).pollInterval(Duration.ofMillis(250))
        .until(() -> http.get(service).json(), s -> s.get("current_num_containers").asInt() == 1);
    assertThat(smaller.get("target_num_containers").asInt()).as("Tutum lowered the target").isEqualTo(1);
    assertThat(smaller.get("state").asString()).isEqualTo("Running");
    assertThat(http.get(first).status()).isEqualTo(404);

    act(http.post(service + "stop/", ""), "Stopping", "Stopped");
    Reply refused = http.post(second + "stop/", "");
    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.json().get("detail").asString()).contains("is Stopped, which does not allow a container to stop");

    List<String> story = http.get("/api/v1/action/?object=" + service).json().get("objects").findValuesAsString("action");
    assertThat(story).contains("Container Stop", "Container Start", "Container Terminate");
  }

  @Test
  void autoreplaceReplacesAContainerThatStopsBehindMooringsBack() {
    String service = runningWith("phoenix", "autoreplace");
    String stopped = containersOf(service).get(0).get("unique_name").asString();

    docker.stop(stopped);

    JsonNode replace = awaitAction(service, "Container Replace");
    assertThat(replace.get("is_user_action").asBoolean()).isFalse();
    JsonNode running = awaitState(service, "Running");
    assertThat(running.get("running_num_containers").asInt()).isEqualTo(2);
    assertThat(containersOf(service)).hasSize(2)
        .noneSatisfy(c -> assertThat(c.get("unique_name").asString()).isEqualTo(stopped));
    act(http.delete(service), "Terminating", "Terminated");
  }

  @Test
  void autodestroyTerminatesAContainerThatStopsAndLowersTheTarget() {
    String service = runningWith("one-off", "autodestroy");
    String stopped = containersOf(service).get(1).get("unique_name").asString();

    docker.stop(stopped);

    assertThat(awaitAction(service, "Container Terminate").get("is_user_action").asBoolean()).isFalse();
    JsonNode smaller = awaitState(service, "Running");
    assertThat(smaller.get("target_num_containers").asInt()).isEqualTo(1);
    assertThat(containersOf(service)).hasSize(1);
    act(http.delete(service), "Terminating", "Terminated");
  }

  @Test
  void aLinkedServicesContainersFindTheServiceTheyLinkToByItsVariables() {
    Reply db = http.post("/api/v1/service/", """
        {"image": "demo/web:1.0.0", "name": "links-db",
         "container_ports": [{"protocol": "tcp", "inner_port": 80}],
         "container_envvars": [{"key": "BIND_ADDRESS", "value": "0.0.0.0"}, {"key": "PORT", "value": "80"}]}""");
    String dbUri = db.json().get("resource_uri").asString();
    act(http.post(dbUri + "start/", ""), "Starting", "Running");
    // The linking container says what its link variables are, then asks the linked service through them.
    Reply app = http.post("/api/v1/service/", """
        {"image": "demo/web:1.0.0", "name": "links-app", "linked_to_service": [{"to_service": "%s", "name": "db"}],
         "run_command": "sh -c 'echo link $DB_PORT env $DB_ENV_PORT; wget -q -O - http://$DB_PORT_80_TCP_ADDR:$DB_PORT_80_TCP_PORT/version; sleep 600'"}"""
        .formatted(dbUri));
    assertThat(app.status()).as(app.toString()).isEqualTo(201);
    String appUri = app.json().get("resource_uri").asString();
    act(http.post(appUri + "start/", ""), "Starting", "Running");

    String address = containersOf(dbUri).get(0).get("private_ip").asString();
    String appContainer = containersOf(appUri).get(0).get("resource_uri").asString();
    String logs = await().atMost(ACTION).pollInterval(Duration.ofMillis(250))
        .until(() -> http.get(appContainer + "logs/").json().get("logs").asString(), l -> l.contains("1.0.0"));
    assertThat(logs).contains("link tcp://" + address + ":80 env 80");
    assertThat(http.get(dbUri).json().get("linked_from_service").findValuesAsString("from_service"))
        .containsExactly(appUri);
    act(http.delete(appUri), "Terminating", "Terminated");
    act(http.delete(dbUri), "Terminating", "Terminated");
  }

  @Test
  void aGlobalServicesContainersReadTheApiWithTheirTokenUntilTheServiceTerminates() {
    // The container reads its own service through its variables, then tries to create one.
    Reply created = http.post("/api/v1/service/", """
        {"image": "demo/web:1.0.0", "name": "global-feed", "roles": ["global"],
         "run_command": "sh -c 'wget -q -O - --header \\"Authorization: $TUTUM_AUTH\\" ${TUTUM_BASE_URL}service/?name=global-feed; echo; wget -q -O - --header \\"Authorization: $TUTUM_AUTH\\" --post-data {} ${TUTUM_BASE_URL}service/; echo create=$?; sleep 600'"}""");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().get("roles").get(0).asString()).isEqualTo("global");
    String service = created.json().get("resource_uri").asString();
    act(http.post(service + "start/", ""), "Starting", "Running");

    String container = containersOf(service).get(0).get("resource_uri").asString();
    String logs = await().atMost(ACTION).pollInterval(Duration.ofMillis(250))
        .until(() -> http.get(container + "logs/").json().get("logs").asString(), l -> l.contains("create="));
    assertThat(logs).contains("\"unique_name\":\"global-feed\"").contains("create=1");
    assertThat(http.get(service).body() + http.get(container).body()).as("the secret is in no answer")
        .doesNotContain("mooring_");
    assertThat(http.get("/api/v1/service/?name=global-feed").json().get("meta").get("total_count").asInt())
        .as("the reader's create was refused").isEqualTo(1);
    assertThat(revokedAt("service-global-feed").isNull()).isTrue();

    act(http.delete(service), "Terminating", "Terminated");
    assertThat(revokedAt("service-global-feed").isNull()).as("the token is revoked with the service").isFalse();
  }

  private JsonNode revokedAt(String token) {
    for (JsonNode each : http.get("/api-tokens").json()) {
      if (token.equals(each.get("name").asString())) {
        return each.get("revokedAt");
      }
    }
    throw new AssertionError("no token " + token + " in " + http.get("/api-tokens"));
  }

  @Test
  void refusesAPrivilegedServiceToADeployer() {
    Reply token = http.post("/api-tokens", "{\"name\": \"e2e-deployer\", \"role\": \"deployer\"}");
    Http deployer = http.bearer(token.json().get("token").asString());
    Reply refused = deployer.post("/api/v1/service/", "{\"image\": \"demo/web:1.0.0\", \"name\": \"root-web\","
        + " \"privileged\": true}");
    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(refused.json().get("code").asString()).isEqualTo("privileged-needs-admin");
    assertThat(http.get("/api/v1/service/?name=root-web").json().get("meta").get("total_count").asInt()).isZero();
  }

  /** Asks for an action, checks the 202 names it, and waits for the state it leads to. */
  private JsonNode act(Reply accepted, String during, String after) {
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    assertThat(accepted.header("X-Tutum-Action-URI")).matches("/api/v1/action/[0-9a-f-]{36}/");
    assertThat(accepted.json().get("state").asString()).isEqualTo(during);
    String service = accepted.json().get("resource_uri").asString();
    JsonNode settled = awaitState(service, after);
    JsonNode action = http.get(accepted.header("X-Tutum-Action-URI")).json();
    assertThat(action.get("state").asString()).as(action.toString()).isEqualTo("Success");
    return settled;
  }

  /** Creates and starts a two-container service with {@code policy} (autoreplace, autodestroy) ALWAYS. */
  private String runningWith(String name, String policy) {
    Reply created = http.post("/api/v1/service/", "{\"image\": \"demo/web:1.0.0\", \"name\": \"" + name + "\","
        + " \"target_num_containers\": 2, \"" + policy + "\": \"ALWAYS\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String service = created.json().get("resource_uri").asString();
    act(http.post(service + "start/", ""), "Starting", "Running");
    return service;
  }

  /** Waits until Mooring's own action {@code title} on the service has succeeded. */
  private JsonNode awaitAction(String service, String title) {
    return await().atMost(ACTION).pollInterval(Duration.ofMillis(250)).until(() -> {
      for (JsonNode action : http.get("/api/v1/action/?object=" + service).json().get("objects")) {
        if (title.equals(action.get("action").asString()) && "Success".equals(action.get("state").asString())) {
          return action;
        }
      }
      return null;
    }, action -> action != null);
  }

  private JsonNode awaitState(String service, String state) {
    return await().atMost(ACTION).pollInterval(Duration.ofMillis(250))
        .until(() -> http.get(service).json(), s -> state.equals(s.get("state").asString()));
  }

  private List<JsonNode> containersOf(String service) {
    List<JsonNode> containers = new ArrayList<>();
    http.get("/api/v1/container/?service=" + service).json().get("objects").forEach(containers::add);
    return containers;
  }

  private static void assertNotAllowed(Reply reply, String state) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
    assertThat(reply.json().get("code").asString()).isEqualTo("action-not-allowed");
    assertThat(reply.json().get("detail").asString()).contains("is " + state + ", which does not allow");
  }

  private String get(String url) throws IOException, InterruptedException {
    return plain.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
        HttpResponse.BodyHandlers.ofString()).body().strip();
  }
}
