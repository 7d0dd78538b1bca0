package io.mooring.api.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mooring.activities.deployments.DeploymentRecord;
import io.mooring.activities.deployments.DeploymentStatus;
import io.mooring.activities.deployments.DeploymentStore;
import io.mooring.api.EmbeddedMooringTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What Mooring does at start with deployments a restart interrupted. */
class InterruptedDeploymentsTest extends EmbeddedMooringTest {

  @Autowired DeploymentStore deployments;
  @Autowired InterruptedDeployments interrupted;

  @AfterEach
  void reopenTheGate() {
    http.put("/service-deployments-state", "{\"enabled\": true}");
  }

  @Test
  void marksARunningDeploymentWhoseWorkflowIsGoneAsFailedAndHoldsTheGate() throws Exception {
    UUID id = UUID.randomUUID();
    Instant at = Instant.now();
    deployments.open(new DeploymentRecord(id, "alice", "web", "1.1.0", "latest", DeploymentStatus.RUNNING,
        "rolling-out", "Deployment in progress", "sha256:11", "1.0.0", false, at, at, "person"));

    interrupted.run(null);

    DeploymentRecord record = deployments.find(id).orElseThrow();
    assertThat(record.status()).isEqualTo(DeploymentStatus.FAILED);
    assertThat(record.message()).startsWith("Failed service deployment for deploymentId: " + id
        + ". Error: Mooring restarted and the deployment's workflow no longer exists");
    var gate = http.get("/service-deployments-state").json();
    assertThat(gate.get("enabled").asBoolean()).isFalse();
    assertThat(gate.get("message").asString()).contains(id + " (web)");
    assertThat(http.get("/deployment-logs/" + id).body()).contains("no longer exists");
  }

  @Test
  void leavesFinishedDeploymentsAndTheGateAlone() throws Exception {
    UUID id = UUID.randomUUID();
    Instant at = Instant.now();
    deployments.open(new DeploymentRecord(id, "alice", "web", "1.1.0", "latest", DeploymentStatus.SUCCESSFUL,
        "finished", "done", "sha256:11", "1.0.0", false, at, at, "person"));
    http.put("/service-deployments-state", "{\"enabled\": true, \"message\": \"open\"}");

    interrupted.run(null);

    assertThat(deployments.find(id).orElseThrow().message()).isEqualTo("done");
    assertThat(http.get("/service-deployments-state").body()).isEqualTo("{\"enabled\":true,\"message\":\"open\"}");
  }
}
