package io.mooring.api.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mooring.api.EmbeddedMooringTest;
import io.mooring.api.Http.Reply;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RegistryWatcherApiTest extends EmbeddedMooringTest {

  @Test
  void answersPingWithPongToAnyone() {
    Reply reply = http.authorization(null).get("/ping/");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("message").asString()).isEqualTo("pong");
  }

  @Test
  void listsEveryServiceAsARepositoryWithItsTagsOnceRead() {
    await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/repos").json().path("web").path("tags").size() == 2);
    var web = http.get("/repos").json().get("web");
    assertThat(web.get("auto_deploy").asBoolean()).isFalse();
    assertThat(web.get("pinned_tag").asString()).isEmpty();
    assertThat(web.get("pinned_tag_value").asString()).isEqualTo("1.1.0");
    assertThat(web.get("current_tag").asString()).isEqualTo("1.0.0");
    assertThat(web.get("hold").asString()).isEqualTo("auto-deploy-off");
    assertThat(http.get("/tags/web").json().get("repo_tag").asString()).isEqualTo("1.1.0");
  }

  @Test
  void reportsEveryServicesCandidatesAndWhyTheyAreNotApplied() {
    await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/repos").json().path("web").path("tags").size() == 2);
    Reply reply = http.get("/outdated");
    assertThat(reply.status()).isEqualTo(200);
    var web = java.util.stream.StreamSupport.stream(reply.json().get("services").spliterator(), false)
        .filter(s -> s.get("service").asString().equals("web")).findFirst().orElseThrow();
    assertThat(web.get("current_tag").asString()).isEqualTo("1.0.0");
    assertThat(web.get("candidates").get("major").asString()).isEqualTo("1.1.0");
    assertThat(web.get("candidates").get("bugfix").asString()).isEqualTo("1.0.0");
    assertThat(web.get("outdated").asBoolean()).isTrue();
    assertThat(web.get("hold").asString()).isEqualTo("auto-deploy-off");
    assertThat(web.get("reason").asString()).isEqualTo("Auto-deploy is off.");
  }

  @Test
  void answersAnUnknownRepositoryWith400AndAMessage() {
    Reply reply = http.get("/tags/no-such-repo");
    assertProblem(reply, 400, "unknown-repository");
    assertThat(reply.json().get("message").asString()).contains("no-such-repo");
  }

  @Test
  void switchesAutoDeployAndKeepsIt() {
    Reply on = http.post("/tags/api", "{\"auto_deploy\": true}");
    assertThat(on.status()).as(on.toString()).isEqualTo(200);
    assertThat(on.json().get("message").asString()).isEqualTo("Auto deploy for api is on.");
    assertThat(http.get("/repos").json().get("api").get("auto_deploy").asBoolean()).isTrue();
    http.post("/tags/api", "{\"auto_deploy\": false}");
    assertThat(http.get("/repos").json().get("api").get("auto_deploy").asBoolean()).isFalse();
  }

  @Test
  void refusesAnEmptyOrStrayUpdateAndStoresNothing() {
    assertProblem(http.post("/tags/api", "{}"), 400, "empty-update");
    Reply stray = http.post("/tags/api", "{\"auto_deploy\": true, \"colour\": \"red\"}");
    assertThat(stray.status()).isEqualTo(400);
    assertThat(stray.json().get("message").asString()).contains("colour");
    assertProblem(http.post("/tags/api", "{\"auto_deploy\": \"yes\"}"), 400, "invalid-auto-deploy");
    assertProblem(http.post("/tags/api", "{\"pinned_tag\": \"-bad\"}"), 400, "invalid-pinned-tag");
    assertProblem(http.post("/tags/api", "{\"strategy\": \"newest\"}"), 400, "invalid-strategy");
    assertProblem(http.post("/tags/api", "{\"poll_interval_seconds\": 0}"), 400, "invalid-poll-interval-seconds");
    assertThat(http.get("/repos").json().get("api").get("auto_deploy").asBoolean()).isFalse();
  }

  @Test
  void refusesToPinATagTheRegistryDoesNotHaveAndKeepsThePin() {
    Reply reply = http.post("/tags/web", "{\"pinned_tag\": \"9.9.9\"}");
    assertProblem(reply, 404, "image-unreachable");
    assertThat(http.get("/repos").json().get("web").get("pinned_tag").asString()).isEmpty();
  }

  @Test
  void changesTheUpgradePolicyAndResetsThePin() {
    Reply reply = http.post("/tags/api", "{\"strategy\": \"minor\", \"minimum_age_seconds\": 300}");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(http.get("/repos").json().get("api").get("strategy").asString()).isEqualTo("minor");
    Reply reset = http.post("/tags/api/reset", "");
    assertThat(reset.status()).isEqualTo(200);
    assertThat(reset.json().get("message").asString()).contains("follows the newest version by minor");
    http.post("/tags/api", "{\"strategy\": \"major\", \"minimum_age_seconds\": 0}");
  }

  @Test
  void aManualDeploymentOfAnOlderVersionSaysItWillPinAndAFailedOnePinsNothing() {
    await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/repos").json().path("web").path("tags").size() == 2);
    Reply put = http.put("/service-image-tag/web?queue=true", "{\"tag\": \"1.0.0\"}");
    assertThat(put.status()).as(put.toString()).isEqualTo(202);
    assertThat(put.json().get("pins_on_success").asString()).isEqualTo("1.0.0");
    assertThat(http.get("/repos").json().get("web").get("pinned_tag").asString()).as("not while it runs").isEmpty();

    // No engine to deploy to: it fails, and the tag it could not run is never pinned.
    String status = put.json().get("statusLink").asString();
    var ended = await().atMost(Duration.ofSeconds(30)).until(
        () -> http.get(status.substring(status.indexOf("/service-deployment/"))).json(),
        d -> !"running".equals(d.path("status").asString()));
    assertThat(ended.get("status").asString()).isEqualTo("failed");
    assertThat(http.get("/repos").json().get("web").get("pinned_tag").asString()).isEmpty();
    assertThat(http.get("/repos").json().get("web").has("pinned_by_deployment")).isFalse();
  }

  @Test
  void clearsAQuarantineThatHoldsNothing() {
    Reply reply = http.delete("/tags/api/quarantine");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("message").asString()).contains("nothing was held");
  }
}
