package io.mooring.api.common.links;

import static org.assertj.core.api.Assertions.assertThat;

import io.mooring.activities.deployments.DeploymentRecord;
import io.mooring.activities.deployments.DeploymentStatus;
import io.mooring.activities.deployments.DeploymentStore;
import io.mooring.api.EmbeddedMooringTest;
import io.mooring.api.RawHttp;
import io.mooring.api.RawHttp.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every link Mooring hands out or stores starts at its configured public address. A caller who
 * sends another {@code Host} (or forwarding headers) cannot plant its host into what others follow.
 */
class PublicLinksTest extends EmbeddedMooringTest {

  private static final String[] PLANTED = {"Host: evil.example", "X-Forwarded-Host: evil.example",
      "X-Forwarded-Proto: http", "Forwarded: host=evil.example;proto=http"};

  private final JsonMapper json = JsonMapper.builder().build();
  @Autowired DeploymentStore deployments;
  private RawHttp raw;
  private String admin;

  @BeforeEach
  void raw() throws Exception {
    raw = new RawHttp(port);
    admin = "Authorization: Bearer " + adminToken();
  }

  @Test
  void theStatusLinkAndTheStoredMessagesUseThePublicAddress() throws Exception {
    String body = "{\"tag\": \"1.1.0\"}";
    Answer accepted = raw.send("PUT /service-image-tag/web?queue=true HTTP/1.1\n" + String.join("\n", PLANTED) + "\n"
        + admin + "\nContent-Type: application/json\nContent-Length: " + body.length() + "\nConnection: close\n\n" + body);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    String statusLink = json.readTree(accepted.body()).get("statusLink").asString();
    assertThat(statusLink).startsWith(PUBLIC_URL + "/service-deployment/");

    JsonNode finished = awaitEnd(statusLink.substring(PUBLIC_URL.length()));
    assertThat(finished.toString()).doesNotContain("evil.example");
    assertThat(http.get("/deployment-logs/" + finished.get("deploymentId").asString()).body()).doesNotContain("evil.example");
  }

  @Test
  void theNextPageLinkUsesThePublicAddress() {
    Instant at = Instant.now();
    for (int i = 0; i < 2; i++) {
      deployments.open(new DeploymentRecord(UUID.randomUUID(), "alice", "links", "1." + i, "latest",
          DeploymentStatus.SUCCESSFUL, "finished", "done", null, null, false, at.plusSeconds(i), at.plusSeconds(i), "person"));
    }
    Answer page = raw.send("GET", "/service-deployment?service=links&limit=1", withPlanted(admin));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Link")).startsWith("<" + PUBLIC_URL + "/service-deployment?service=links&limit=1&cursor=")
        .endsWith(">; rel=\"next\"");
  }

  @Test
  void theAuthenticationChallengePointsAtThePublicMetadataDocument() {
    Answer refused = raw.send("GET", "/service-image-tag", PLANTED);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.header("WWW-Authenticate"))
        .contains("resource_metadata=\"" + PUBLIC_URL + "/.well-known/oauth-protected-resource\"")
        .doesNotContain("evil.example");
  }

  @Test
  void theProtectedResourceDocumentIsTrue() {
    Answer document = raw.send("GET", "/.well-known/oauth-protected-resource", PLANTED);
    assertThat(document.status()).isEqualTo(200);
    JsonNode metadata = json.readTree(document.body());
    assertThat(metadata.get("resource").asString()).isEqualTo(PUBLIC_URL);
    assertThat(metadata.get("tls_client_certificate_bound_access_tokens").asBoolean()).isFalse();
    assertThat(metadata.get("authorization_servers").get(0).asString()).isEqualTo(IDENTITY.issuer());
    assertThat(metadata.get("bearer_methods_supported").get(0).asString()).isEqualTo("header");
  }

  private static String[] withPlanted(String header) {
    String[] all = new String[PLANTED.length + 1];
    System.arraycopy(PLANTED, 0, all, 0, PLANTED.length);
    all[PLANTED.length] = header;
    return all;
  }

  private JsonNode awaitEnd(String path) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    JsonNode deployment = http.get(path).json();
    while (Instant.now().isBefore(deadline) && "running".equals(deployment.get("status").asString())) {
      Thread.sleep(100);
      deployment = http.get(path).json();
    }
    assertThat(deployment.get("status").asString()).isNotEqualTo("running");
    return deployment;
  }
}
