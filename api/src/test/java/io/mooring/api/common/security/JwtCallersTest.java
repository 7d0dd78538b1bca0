package io.mooring.api.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mooring.api.EmbeddedMooringTest;
import io.mooring.api.Http;
import io.mooring.api.Http.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** People's JWTs: what a token must carry, and what Mooring records about who asked. */
class JwtCallersTest extends EmbeddedMooringTest {

  private static final List<String> ADMINS = List.of("Harmony Core Permissions");
  private static final List<String> DEPLOYERS = List.of("Harmony Service Deployers");

  @Test
  void refusesATokenWithoutAnExpiry() {
    Reply reply = http.bearer(IDENTITY.withoutExpiry("ada", ADMINS)).get("/service-deployments-state");
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.detail()).contains("'exp'");
  }

  @Test
  void refusesATokenThatNamesNobody() {
    Reply reply = http.bearer(IDENTITY.withoutSubject(ADMINS)).put("/service-deployments-state", "{\"enabled\": true}");
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.detail()).contains("'sub'");
  }

  @Test
  void aFloodOfUnknownKeyIdsFetchesTheKeySetAtMostOnce() {
    http.bearer(IDENTITY.token("ada", ADMINS)).get("/service-deployments-state");
    int before = IDENTITY.keySetFetches();

    for (int i = 0; i < 100; i++) {
      Reply reply = http.authorization(null).bearer(IDENTITY.withUnknownKeyId("mallory", ADMINS)).get("/service-image-tag");
      assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
    }

    assertThat(IDENTITY.keySetFetches() - before).isLessThanOrEqualTo(1);
    assertThat(http.bearer(IDENTITY.token("ada", ADMINS)).get("/service-deployments-state").status()).isEqualTo(200);
  }

  @Test
  void tellsAPersonFromAPipelineTokenOfTheSameName() throws Exception {
    Reply created = http.post("/api-tokens", "{\"name\": \"twin\", \"role\": \"deployer\"}");
    Http pipeline = http.bearer(created.json().get("token").asString());
    Http person = http.bearer(IDENTITY.token("twin", DEPLOYERS));

    JsonNode byPipeline = deploy(pipeline);
    JsonNode byPerson = deploy(person);

    assertThat(byPipeline.get("username").asString()).isEqualTo("twin");
    assertThat(byPerson.get("username").asString()).isEqualTo("twin");
    assertThat(byPipeline.get("callerKind").asString()).isEqualTo("pipeline");
    assertThat(byPerson.get("callerKind").asString()).isEqualTo("person");
  }

  private JsonNode deploy(Http caller) throws InterruptedException {
    Reply accepted = caller.put("/service-image-tag/web?queue=true", "{\"tag\": \"1.1.0\"}");
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    String path = accepted.json().get("statusLink").asString().substring(PUBLIC_URL.length());
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    JsonNode deployment = http.get(path).json();
    while ("running".equals(deployment.get("status").asString()) && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      deployment = http.get(path).json();
    }
    return deployment;
  }
}
