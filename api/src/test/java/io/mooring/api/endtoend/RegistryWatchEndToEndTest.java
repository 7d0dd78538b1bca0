package io.mooring.api.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mooring.api.Http.Reply;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The registry watcher on the real registry and engine: a tag pushed while Mooring runs is
 * deployed by policy, through the same deployment path as a Harmony PUT.
 */
class RegistryWatchEndToEndTest extends RealMooringTest {

  /** How long the watcher may take to notice a push: the services here are read every 2 s. */
  private static final Duration NOTICE = Duration.ofSeconds(30);

  @BeforeAll
  static void publishTheFirstVersions() throws Exception {
    push("1.0.0", "watch-up:1.0.0");
    push("1.0.0", "watch-off:1.0.0");
    push("1.0.0", "watch-broken:1.0.0");
    push("1.0.0", "watch-pin:stable");
    push("1.0.0", "watch-busy:1.0.0");
  }

  /** Nothing of this suite deploys behind the back of the suites that run after it. */
  @AfterEach
  void watchNoMore() {
    for (String service : List.of("e2e-watch-up", "e2e-watch-off", "e2e-watch-broken", "e2e-watch-pin",
        "e2e-watch-busy")) {
      http.post("/tags/" + service, "{\"auto_deploy\": false, \"poll_interval_seconds\": 60}");
    }
  }

  @Test
  void deploysANewerVersionPushedWhileMooringRuns() throws Exception {
    runningVersion("e2e-watch-up", "1.0.0");
    watchClosely("e2e-watch-up", "{\"auto_deploy\": true, \"poll_interval_seconds\": 2}");

    push("1.1.0", "watch-up:1.1.0");

    JsonNode deployment = awaitWatcherDeployment("e2e-watch-up", "1.1.0");
    assertThat(awaitEnd(deployment.get("deploymentId").asString()).get("status").asString()).isEqualTo("successful");
    assertThat(versionAt(replicas("e2e-watch-up").get(0))).isEqualTo("1.1.0");
    assertThat(watcherDeployments("e2e-watch-up")).hasSize(1);

    // One notification for the new version, one for the outcome, however many cycles saw them.
    String id = deployment.get("deploymentId").asString();
    await().atMost(NOTICE).until(() -> WEBHOOKS.about("deployment-outcome", "e2e-watch-up").size() == 1);
    Thread.sleep(5_000);
    assertThat(WEBHOOKS.about("new-version", "e2e-watch-up")).singleElement()
        .satisfies(n -> assertThat(n.get("tag").asString()).isEqualTo("1.1.0"));
    assertThat(WEBHOOKS.about("deployment-outcome", "e2e-watch-up")).singleElement().satisfies(n -> {
      assertThat(n.get("deployment_id").asString()).isEqualTo(id);
      assertThat(n.get("status").asString()).isEqualTo("successful");
      assertThat(n.get("logs_link").asString()).endsWith("/deployment-logs/" + id);
    });
    assertThat(WEBHOOKS.forged()).isEmpty();
  }

  @Test
  void deploysWhatWasPushedWhileAutoDeployWasOffTheMomentItIsSwitchedOn() throws Exception {
    runningVersion("e2e-watch-off", "1.0.0");
    watchClosely("e2e-watch-off", "{\"auto_deploy\": false, \"poll_interval_seconds\": 2}");
    push("1.1.0", "watch-off:1.1.0");
    await().atMost(NOTICE).until(() -> repo("e2e-watch-off").get("pinned_tag_value").asString().equals("1.1.0"));
    assertThat(repo("e2e-watch-off").get("hold").asString()).isEqualTo("auto-deploy-off");
    assertThat(watcherDeployments("e2e-watch-off")).isEmpty();

    Reply on = http.post("/tags/e2e-watch-off", "{\"auto_deploy\": true, \"poll_interval_seconds\": 600}");
    assertThat(on.status()).as(on.toString()).isEqualTo(200);

    // Not a poll later (ten minutes): at once, because the watcher compares levels, not events.
    JsonNode deployment = awaitWatcherDeployment("e2e-watch-off", "1.1.0", Duration.ofSeconds(15));
    assertThat(awaitEnd(deployment.get("deploymentId").asString()).get("status").asString()).isEqualTo("successful");
  }

  @Test
  void rollsABrokenVersionBackAndQuarantinesIt() throws Exception {
    runningVersion("e2e-watch-broken", "1.0.0");
    watchClosely("e2e-watch-broken", "{\"auto_deploy\": true, \"poll_interval_seconds\": 2}");

    push("2.0.0-broken", "watch-broken:2.0.0");

    JsonNode deployment = awaitWatcherDeployment("e2e-watch-broken", "2.0.0");
    JsonNode ended = awaitEnd(deployment.get("deploymentId").asString());
    assertThat(ended.get("status").asString()).isEqualTo("failed");
    assertThat(versionAt(replicas("e2e-watch-broken").get(0))).isEqualTo("1.0.0");
    await().atMost(NOTICE).until(() -> repo("e2e-watch-broken").get("hold").asString().equals("quarantined"));
    assertThat(repo("e2e-watch-broken").get("quarantined").get(0).asString()).startsWith("2.0.0@sha256:");
    // Several cycles later the broken version is still not tried again.
    Thread.sleep(6_000);
    assertThat(watcherDeployments("e2e-watch-broken")).hasSize(1);

    Reply cleared = http.delete("/tags/e2e-watch-broken/quarantine");
    assertThat(cleared.status()).isEqualTo(200);
    await().atMost(NOTICE).until(() -> watcherDeployments("e2e-watch-broken").size() == 2);
    http.post("/tags/e2e-watch-broken", "{\"auto_deploy\": false}");
    // Newest first: the retry after the clear fails as the first did, and is quarantined again.
    assertThat(awaitEnd(watcherDeployments("e2e-watch-broken").get(0).get("deploymentId").asString())
        .get("status").asString()).isEqualTo("failed");
  }

  @Test
  void redeploysAPinnedTagWhenItsImageIsOverwritten() throws Exception {
    watchClosely("e2e-watch-pin", "{\"auto_deploy\": true, \"poll_interval_seconds\": 2}");
    Reply pinned = http.post("/tags/e2e-watch-pin", "{\"pinned_tag\": \"stable\"}");
    assertThat(pinned.status()).as(pinned.toString()).isEqualTo(200);
    String first = pinned.json().get("status_link").asString();
    assertThat(awaitEnd(first.substring(first.lastIndexOf('/') + 1)).get("status").asString()).isEqualTo("successful");
    assertThat(versionAt(replicas("e2e-watch-pin").get(0))).isEqualTo("1.0.0");

    push("1.1.0", "watch-pin:stable");

    JsonNode deployment = awaitWatcherDeployment("e2e-watch-pin", "stable");
    assertThat(awaitEnd(deployment.get("deploymentId").asString()).get("status").asString()).isEqualTo("successful");
    assertThat(versionAt(replicas("e2e-watch-pin").get(0))).isEqualTo("1.1.0");
    assertThat(watcherDeployments("e2e-watch-pin")).hasSize(1);
  }

  /**
   * Sets the service's policy, following the newest version again: deploying 1.0.0 by hand while a
   * newer version is listed (a registry kept from an earlier run) pins it, as it should.
   */
  @Test
  void leavesARegistryThatAnswers429AloneForAsLongAsItAsks() throws Exception {
    watchClosely("e2e-watch-busy", "{\"poll_interval_seconds\": 2}");
    int before = BUSY.requests();
    await().atMost(NOTICE).until(() -> BUSY.requests() >= before + 2);
    BUSY.busy(8);
    await().atMost(NOTICE).until(() -> BUSY.refused() == 1);
    // Read every 2 s otherwise: while the registry's 8 s run, not one more request.
    Thread.sleep(6_000);
    assertThat(BUSY.refused()).isEqualTo(1);
    BUSY.busy(0);
    int after = BUSY.requests();
    await().atMost(Duration.ofSeconds(10)).until(() -> BUSY.requests() > after);
    await().atMost(NOTICE).until(() -> repo("e2e-watch-busy").get("tags").size() == 1);
  }

  @Test
  void pagesThroughARepositoryWithMoreTagsThanOnePage() throws Exception {
    List<String> tags = new ArrayList<>();
    for (int minor = 0; minor <= 10; minor++) {
      for (int patch = 0; patch < 100; patch++) {
        tags.add("1." + minor + "." + patch);
      }
    }
    // Listed after every 1.x (tags come sorted): only a reader that follows the pages sees it.
    tags.add("2.0.0");
    TestImages.tagMany(REAL, "demo/paged", tags);
    Reply newest = http.get("/images/demo/paged/1.0.0?strategy=major");
    assertThat(newest.status()).as(newest.toString()).isEqualTo(200);
    assertThat(newest.json().get("tag").asString()).isEqualTo("2.0.0");
    assertThat(http.get("/images/demo/paged/1.0.0?strategy=minor").json().get("tag").asString()).isEqualTo("1.10.99");
  }

  private void watchClosely(String service, String body) {
    assertThat(http.post("/tags/" + service + "/reset", "").status()).isEqualTo(200);
    Reply reply = http.post("/tags/" + service, body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
  }

  private JsonNode repo(String service) {
    return http.get("/repos").json().get(service);
  }

  private JsonNode awaitWatcherDeployment(String service, String tag) {
    return awaitWatcherDeployment(service, tag, NOTICE);
  }

  private JsonNode awaitWatcherDeployment(String service, String tag, Duration atMost) {
    return await().atMost(atMost).pollInterval(Duration.ofMillis(200))
        .until(() -> watcherDeployments(service).stream().filter(d -> d.get("tag").asString().equals(tag)).findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  private List<JsonNode> watcherDeployments(String service) {
    List<JsonNode> found = new ArrayList<>();
    http.get("/service-deployment?service=" + service).json().forEach(d -> {
      if ("registry-watcher".equals(d.path("username").asString())) {
        found.add(d);
      }
    });
    return found;
  }

  private static void push(String builtTag, String nameAndTag) throws IOException, InterruptedException {
    TestImages.push(REAL, builtTag, nameAndTag, DATA);
  }
}
