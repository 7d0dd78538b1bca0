package io.mooring.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.mooring.api.Http.Reply;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a platform team scrapes: Mooring's own deployment metrics and the Temporal worker's. */
class MetricsApiTest extends EmbeddedMooringTest {

  @Test
  void countsADeploymentOnceFromAdmissionToItsOutcome() throws Exception {
    double startedBefore = sample("mooring_deployments_started_total{service=\"web\"}");
    double failedBefore = sample("mooring_deployments_finished_total{outcome=\"failed\",service=\"web\"}");
    double waitsBefore = sample("mooring_gate_wait_seconds_count{service=\"web\"}");
    String found = "mooring_registry_requests_total{outcome=\"found\",registry=\"" + REGISTRY.host() + "\"}";
    double lookUpsBefore = sample(found);
    String deployActions = "mooring_actions_finished_total{kind=\"Service Deploy\",outcome=\"failed\"}";
    double actionsBefore = sample(deployActions);

    Reply accepted = http.put("/service-image-tag/web?queue=true", "{\"tag\": \"1.1.0\"}");
    assertThat(accepted.status()).isEqualTo(202);
    String path = accepted.json().get("statusLink").asString().substring(PUBLIC_URL.length());
    awaitEnd(path);

    // The embedded test has no Docker Engine: the deployment fails, and is counted as failed once.
    assertThat(sample("mooring_deployments_started_total{service=\"web\"}")).isEqualTo(startedBefore + 1);
    assertThat(sample("mooring_deployments_finished_total{outcome=\"failed\",service=\"web\"}")).isEqualTo(failedBefore + 1);
    assertThat(sample("mooring_gate_wait_seconds_count{service=\"web\"}")).isEqualTo(waitsBefore + 1);
    assertThat(sample(found)).as("the image and its test image").isEqualTo(lookUpsBefore + 2);
    assertThat(sample(deployActions)).as("the deployment is the service's action too").isEqualTo(actionsBefore + 1);
    String metrics = scrape();
    assertThat(metrics).contains("mooring_deployment_duration_seconds_bucket{outcome=\"failed\",service=\"web\"");
    assertThat(metrics).contains("mooring_action_duration_seconds_bucket{kind=\"Service Deploy\",outcome=\"failed\"");
    assertThat(metrics).contains("http_server_requests_seconds_count");
    assertThat(metrics).containsPattern("(?m)^temporal_\\w+");
  }

  @Test
  void metricsNeedCredentials() {
    assertThat(http.authorization(null).get("/actuator/prometheus").status()).isEqualTo(401);
  }

  private String scrape() {
    Reply reply = http.get("/actuator/prometheus");
    assertThat(reply.status()).isEqualTo(200);
    return reply.body();
  }

  /** The value of one series, 0 when it has not appeared yet. */
  private double sample(String series) {
    return scrape().lines().filter(line -> line.startsWith(series + " ")).findFirst()
        .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim())).orElse(0.0);
  }

  private void awaitEnd(String path) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline) && "running".equals(http.get(path).json().get("status").asString())) {
      Thread.sleep(100);
    }
    assertThat(http.get(path).json().get("status").asString()).isNotEqualTo("running");
  }
}
