package io.mooring.api.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mooring.api.Http.Reply;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A Harmony {@code PUT} takes its service's turn on the real engine: it deploys a service that is
 * Init, Running or Partly running, holds the service in Redeploying while it runs so no lifecycle
 * action touches the containers, and is refused with 409 for a service that is Stopped, Not running
 * or Terminated.
 */
class HarmonyTurnTest extends RealMooringTest {

  private static final Duration ACTION = Duration.ofMinutes(2);

  @Test
  void aHarmonyDeploymentTakesItsServicesTurnInEveryState() {
    String service = http.get("/api/v1/service/?unique_name=e2e-turn").json().get("objects").get(0)
        .get("resource_uri").asString();
    assertThat(http.get(service).json().get("state").asString()).isEqualTo("Init");

    // Init: the first deployment starts the service. Its slow regression tests keep it in its turn.
    Reply first = http.put("/service-image-tag/e2e-turn", "{\"tag\": \"1.1.0\", \"regression_test_version\": \"1.0.2-slow\"}");
    assertThat(first.status()).as(first.toString()).isEqualTo(202);
    assertThat(http.get(service).json().get("state").asString()).as("in the deployment's turn").isEqualTo("Redeploying");
    Reply stop = http.post(service + "stop/", "");
    assertThat(stop.status()).as(stop.toString()).isEqualTo(409);
    assertThat(stop.json().get("detail").asString()).startsWith("Service e2e-turn is Redeploying, which does not allow stop.");
    assertThat(awaitEnd(idOf(first)).get("status").asString()).isEqualTo("successful");
    JsonNode running = awaitState(service, "Running");
    assertThat(running.get("image_tag").asString()).endsWith("/demo/web/tag/1.1.0/");
    assertThat(running.get("started_datetime").isString()).as("Tutum's start date moves on a first deployment").isTrue();

    // Running: rolls over, and the service is Running again.
    assertThat(deployAndWait("e2e-turn", "{\"tag\": \"1.2.0\"}").get("status").asString()).isEqualTo("successful");
    assertThat(awaitState(service, "Running").get("image_tag").asString()).endsWith("/demo/web/tag/1.2.0/");

    // Stopped: an operator's stop is not undone by a pipeline.
    act(http.post(service + "stop/", ""), "Stopped");
    assertRefused(http.put("/service-image-tag/e2e-turn", "{\"tag\": \"1.0.0\"}"),
        "Service e2e-turn is Stopped, which does not allow a deployment. It runs no containers to roll over;"
            + " start it first.");

    // Not running: scaled to none.
    act(http.post(service + "start/", ""), "Running");
    act(http.patch(service, "{\"target_num_containers\": 0}"), "Not running");
    assertRefused(http.put("/service-image-tag/e2e-turn", "{\"tag\": \"1.0.0\"}"),
        "Service e2e-turn is Not running, which does not allow a deployment. It runs no containers to roll over;"
            + " scale it up first.");

    // Terminated: nothing more.
    act(http.delete(service), "Terminated");
    assertRefused(http.put("/service-image-tag/e2e-turn", "{\"tag\": \"1.0.0\"}"),
        "Service e2e-turn is Terminated, which does not allow a deployment. No actions are allowed in this state.");

    assertThat(http.get("/service-image-tag/e2e-turn").json().get("tag").asString())
        .as("a refused deployment changes nothing").isEqualTo("1.2.0");
    assertThat(http.get("/api/v1/action/?object=" + service + "&limit=100").json().get("objects")
        .findValuesAsString("action")).containsSequence("Service Terminate", "Service Scale", "Service Start",
            "Service Stop", "Service Deploy", "Service Deploy");
    assertThat(http.get("/service-deployments-state").json().get("enabled").asBoolean())
        .as("a refused deployment leaves the gate open").isTrue();
  }

  private void act(Reply accepted, String after) {
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    awaitState(accepted.json().get("resource_uri").asString(), after);
  }

  private JsonNode awaitState(String service, String state) {
    return await().atMost(ACTION).pollInterval(Duration.ofMillis(250))
        .until(() -> http.get(service).json(), s -> state.equals(s.get("state").asString()));
  }

  private static void assertRefused(Reply reply, String sentence) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
    assertThat(reply.json().get("code").asString()).isEqualTo("deployment-not-allowed");
    assertThat(reply.json().get("detail").asString()).isEqualTo(sentence);
  }
}
