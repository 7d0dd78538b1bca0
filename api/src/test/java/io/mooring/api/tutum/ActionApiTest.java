package io.mooring.api.tutum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mooring.api.EmbeddedMooringTest;
import io.mooring.api.Http.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Tutum's action API on the embedded default: Harmony deployments and lifecycle actions as actions. */
class ActionApiTest extends EmbeddedMooringTest {

  @BeforeEach
  void enable() {
    http.put("/service-deployments-state", "{\"enabled\": true}");
  }

  @Test
  void aHarmonyDeploymentIsAnActionOfItsServiceWithItsRequestAndLog() {
    String deployment = idOf(http.put("/service-image-tag/web", "{\"tag\": \"1.1.0\"}"));
    JsonNode action = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
        .until(() -> http.get("/api/v1/action/" + deployment + "/").json(), a -> a.get("end_date").isString());

    String web = serviceUri("web");
    assertThat(action.get("uuid").asString()).isEqualTo(deployment);
    assertThat(action.get("resource_uri").asString()).isEqualTo("/api/v1/action/" + deployment + "/");
    assertThat(action.get("object").asString()).isEqualTo(web);
    assertThat(action.get("action").asString()).isEqualTo("Service Deploy");
    assertThat(action.get("method").asString()).isEqualTo("PUT");
    assertThat(action.get("path").asString()).isEqualTo("/service-image-tag/web");
    assertThat(action.get("body").asString()).isEqualTo("{\"tag\":\"1.1.0\"}");
    assertThat(action.get("user_agent").asString()).startsWith("Java-http-client");
    assertThat(action.get("ip").asString()).isEqualTo("127.0.0.1");
    assertThat(action.get("is_user_action").asBoolean()).isTrue();
    assertThat(action.get("state").asString()).as("no engine answers in the embedded test").isEqualTo("Failed");
    assertThat(action.get("can_be_canceled").asBoolean()).isFalse();
    assertThat(action.get("start_date").asString()).matches("\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000");
    assertThat(action.get("logs").asString()).contains("Took the service deployment lock")
        .endsWith("Nothing was changed.");
    assertThat(http.get("/api/v1/action/" + deployment + "/logs/").json().get("logs").asString())
        .isEqualTo(action.get("logs").asString());

    JsonNode ofWeb = http.get("/api/v1/action/?object=" + web + "&state=Failed&limit=1000").json();
    assertThat(ofWeb.get("objects").findValuesAsString("uuid")).contains(deployment);
    assertThat(ofWeb.get("objects").findValuesAsString("object")).containsOnly(web);
    assertThat(http.get("/api/v1/service/" + uuidOf(web) + "/").json().get("actions").toString())
        .contains("/api/v1/action/" + deployment + "/");
  }

  @Test
  void filtersByStateObjectAndDateRanges() {
    String deployment = idOf(http.put("/service-image-tag/web", "{\"tag\": \"1.1.0\"}"));
    await().atMost(Duration.ofSeconds(60)).until(() -> http.get("/api/v1/action/" + deployment).json()
        .get("state").asString().equals("Failed"));
    String web = uuidOf(serviceUri("web"));

    assertThat(uuids("/api/v1/action/?object=" + web + "&start_date__gte=2020-01-01")).contains(deployment);
    assertThat(uuids("/api/v1/action/?object=" + web + "&start_date__gte=2999-01-01")).isEmpty();
    assertThat(uuids("/api/v1/action/?object=" + web + "&end_date__lte=2999-01-01T00:00:00Z")).contains(deployment);
    assertThat(uuids("/api/v1/action/?object=" + web + "&end_date__lte=Mon,%2001%20Jan%202024%2000:00:00%20%2B0000"))
        .isEmpty();
    assertThat(uuids("/api/v1/action/?object=" + web + "&state=Success")).doesNotContain(deployment);
  }

  @Test
  void refusesFiltersItCannotRead() {
    assertProblem(http.get("/api/v1/action/?state=Done"), 400, "invalid-state");
    assertProblem(http.get("/api/v1/action/?object=/api/v1/container/x/"), 400, "invalid-service-uri");
    assertProblem(http.get("/api/v1/action/?start_date__gte=yesterday"), 400, "invalid-date");
    assertProblem(http.get("/api/v1/action/?end_date__lte=%2B999999999-12-31T00:00:00Z"), 400, "invalid-date");
    assertProblem(http.get("/api/v1/action/?limit=0"), 400, "invalid-page");
    assertProblem(http.get("/api/v1/action/not-a-uuid/"), 404, "unknown-action");
    assertProblem(http.get("/api/v1/action/00000000-0000-0000-0000-000000000000/"), 404, "unknown-action");
  }

  @Test
  void cancelsADeploymentWaitingInTheGatesLine() {
    http.put("/service-deployments-state", "{\"enabled\": false, \"message\": \"holding for the cancel test\"}");
    try {
      String deployment = idOf(http.put("/service-image-tag/web?queue=true", "{\"tag\": \"1.1.0\"}"));
      JsonNode waiting = await().atMost(Duration.ofSeconds(30))
          .until(() -> http.get("/api/v1/action/" + deployment + "/").json(), a -> a.has("state"));
      assertThat(waiting.get("state").asString()).isEqualTo("Pending");
      assertThat(waiting.get("can_be_canceled").asBoolean()).isTrue();

      Reply canceling = http.post("/api/v1/action/" + deployment + "/cancel/", "");
      assertThat(canceling.status()).as(canceling.toString()).isEqualTo(202);
      assertThat(canceling.header("X-Tutum-Action-URI")).isEqualTo("/api/v1/action/" + deployment + "/");
      assertThat(canceling.json().get("state").asString()).isIn("Canceling", "Canceled");

      JsonNode canceled = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
          .until(() -> http.get("/api/v1/action/" + deployment + "/").json(), a -> a.get("end_date").isString());
      assertThat(canceled.get("state").asString()).isEqualTo("Canceled");
      assertThat(canceled.get("can_be_canceled").asBoolean()).isFalse();
      assertThat(canceled.get("logs").asString()).contains("Cancellation requested by");
      assertProblem(http.post("/api/v1/action/" + deployment + "/cancel/", ""), 409, "action-not-cancelable");
    } finally {
      http.put("/service-deployments-state", "{\"enabled\": true}");
    }
  }

  @Test
  void aLifecycleActionKeepsItsRequestAndCannotBeCanceled() throws Exception {
    String uuid = http.post("/api/v1/service/", "{\"image\": \"demo/web:1.0.0\", \"name\": \"uncancelable\"}")
        .json().get("uuid").asString();
    Reply terminating = http.send(HttpRequest.newBuilder(URI.create(http.root() + "/api/v1/service/" + uuid + "/"))
        .header("User-Agent", "python-tutum/0.21.2").DELETE());
    String action = terminating.header("X-Tutum-Action-URI");
    JsonNode taken = http.get(action).json();
    assertThat(taken.get("action").asString()).isEqualTo("Service Terminate");
    assertThat(taken.get("method").asString()).isEqualTo("DELETE");
    assertThat(taken.get("path").asString()).isEqualTo("/api/v1/service/" + uuid + "/");
    assertThat(taken.get("user_agent").asString()).isEqualTo("python-tutum/0.21.2");
    assertThat(taken.get("object").asString()).isEqualTo("/api/v1/service/" + uuid + "/");
    assertThat(taken.get("can_be_canceled").asBoolean()).isFalse();
    assertProblem(http.post(action + "cancel/", ""), 409, "action-not-cancelable");
  }

  private String serviceUri(String uniqueName) {
    return http.get("/api/v1/service/?unique_name=" + uniqueName).json().get("objects").get(0).get("resource_uri").asString();
  }

  private static String uuidOf(String resourceUri) {
    return resourceUri.replaceAll("^/api/v1/service/|/$", "");
  }

  private List<String> uuids(String path) {
    Reply reply = http.get(path);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json().get("objects").findValuesAsString("uuid");
  }

  private static String idOf(Reply accepted) {
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    String statusLink = accepted.json().get("statusLink").asString();
    return statusLink.substring(statusLink.lastIndexOf('/') + 1);
  }
}
