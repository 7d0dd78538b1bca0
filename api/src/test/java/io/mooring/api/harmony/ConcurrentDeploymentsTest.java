package io.mooring.api.harmony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mooring.activities.deployments.DeploymentQuery;
import io.mooring.activities.deployments.DeploymentStatus;
import io.mooring.activities.deployments.DeploymentStore;
import io.mooring.api.EmbeddedMooringTest;
import io.mooring.api.Http.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The single global lock under a burst of simultaneous requests. */
class ConcurrentDeploymentsTest extends EmbeddedMooringTest {

  @Autowired DeploymentStore deployments;

  @Test
  void admitsExactlyOneOfAHundredSimultaneousDeploymentsAndRefusesTheRestInHarmonysWords() throws Exception {
    http.put("/service-deployments-state", "{\"enabled\": true}");
    int before = history();

    List<String> paths = new ArrayList<>();
    for (int i = 0; i < MANY; i++) {
      paths.add("/service-image-tag/fleet-%03d".formatted(i) + "");
    }
    List<Reply> replies = http.putAllAtOnce(paths, "{\"tag\": \"1.1.0\"}");

    List<Reply> admitted = replies.stream().filter(r -> r.status() == 202).toList();
    assertThat(admitted).hasSize(1);
    String statusLink = admitted.get(0).json().get("statusLink").asString();
    assertThat(replies.stream().filter(r -> r.status() != 202)).hasSize(MANY - 1).allSatisfy(r -> {
      assertThat(r.status()).as(r.toString()).isEqualTo(423);
      assertThat(r.detail()).isIn(
          "Service deployment is disabled. Reason: Locked for service deployment: " + statusLink + ".",
          "Unable to acquire service deployment lock. Reason: Locked for service deployment: " + statusLink
              + ". Try again later.");
    });
    assertThat(history()).as("only the admitted deployment is stored").isEqualTo(before + 1);

    // Without a Docker Engine the admitted deployment fails cleanly and gives the lock back.
    await().atMost(Duration.ofSeconds(60)).until(() -> deployments.running().isEmpty());
    assertThat(http.get(statusLink.substring(PUBLIC_URL.length())).json().get("status").asString())
        .isEqualTo(DeploymentStatus.FAILED.label());
    assertThat(http.get("/service-deployments-state").json().get("enabled").asBoolean()).isTrue();
  }

  private int history() {
    return deployments.find(new DeploymentQuery(null, null, 500, null)).size();
  }
}
