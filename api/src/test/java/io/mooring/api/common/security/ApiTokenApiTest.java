package io.mooring.api.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mooring.api.EmbeddedMooringTest;
import io.mooring.api.Http.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** {@code /api-tokens}, and the admin token Mooring creates on its first start. */
@ExtendWith(OutputCaptureExtension.class)
class ApiTokenApiTest extends EmbeddedMooringTest {

  @Test
  void writesTheFirstAdminTokenToAFileOnlyItsOwnerCanRead() throws Exception {
    Path file = dataDirectory().resolve("admin-token");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(adminToken()).startsWith("mooring_").hasSize("mooring_".length() + 43);
    assertThat(http.get("/api-tokens").body()).contains("\"name\":\"bootstrap-admin\"").contains("\"role\":\"admin\"");
  }

  @Test
  void showsATokenOnceWhenItIsCreatedAndNeverAfter() {
    String name = unique();
    Reply created = http.post("/api-tokens", "{\"name\": \"" + name + "\", \"role\": \"deployer\"}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo("/api-tokens/" + name);
    String secret = created.json().get("token").asString();
    assertThat(secret).startsWith("mooring_");
    assertThat(created.json().get("role").asString()).isEqualTo("deployer");
    assertThat(http.get("/api-tokens").body()).contains(name).doesNotContain(secret);
    assertThat(http.bearer(secret).get("/service-deployments-state").status()).isEqualTo(200);
  }

  @Test
  void defaultsToTheDeployerRole() {
    Reply created = http.post("/api-tokens", "{\"name\": \"" + unique() + "\"}");
    assertThat(created.json().get("role").asString()).isEqualTo("deployer");
    assertThat(http.bearer(created.json().get("token").asString()).get("/api-tokens").status()).isEqualTo(403);
  }

  @Test
  void aRevokedTokenStopsWorkingAtOnce() {
    String name = unique();
    String secret = http.post("/api-tokens", "{\"name\": \"" + name + "\"}").json().get("token").asString();

    assertThat(delete("/api-tokens/" + name).status()).isEqualTo(204);

    Reply refused = http.bearer(secret).get("/service-deployments-state");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.detail()).isEqualTo("The bearer token is not valid: The pipeline token is unknown or revoked");
    assertThat(http.get("/api-tokens").body()).contains("\"revokedAt\"");
  }

  @Test
  void refusesADuplicateNameEvenOfARevokedToken() {
    String name = unique();
    http.post("/api-tokens", "{\"name\": \"" + name + "\"}");
    delete("/api-tokens/" + name);

    Reply again = http.post("/api-tokens", "{\"name\": \"" + name + "\"}");

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("code").asString()).isEqualTo("token-exists");
  }

  @Test
  void explainsBadRequests() {
    assertThat(http.post("/api-tokens", "{}").json().get("code").asString()).isEqualTo("name-required");
    assertThat(http.post("/api-tokens", "{\"name\": \"Has Spaces\"}").json().get("code").asString()).isEqualTo("invalid-name");
    assertThat(http.post("/api-tokens", "{\"name\": \"x\", \"role\": \"root\"}").json().get("code").asString())
        .isEqualTo("invalid-role");
    assertThat(http.post("/api-tokens", "{\"name\": \"x\", \"role\": null}").json().get("code").asString())
        .isEqualTo("invalid-role");
    assertThat(http.post("/api-tokens", "{\"name\": \"x\", \"ttl\": 3}").json().get("code").asString())
        .isEqualTo("unknown-parameter");
    assertThat(delete("/api-tokens/no-such-token").status()).isEqualTo(404);
    String name = unique();
    http.post("/api-tokens", "{\"name\": \"" + name + "\"}");
    delete("/api-tokens/" + name);
    assertThat(delete("/api-tokens/" + name).status()).isEqualTo(409);
  }

  @Test
  void recordsAJwtUsersNameAsTheCaller() {
    Reply reply = http.bearer(IDENTITY.token("ada", java.util.List.of("Harmony Core Permissions")))
        .put("/service-deployments-state", "{\"enabled\": true}");
    assertThat(reply.json().get("message").asString()).isEqualTo("Manually enabled by ada");
  }

  @Test
  void refusesToRevokeTheTokenTheRequestIsMadeWith() {
    Reply refused = delete("/api-tokens/bootstrap-admin");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("code").asString()).isEqualTo("own-token");
    assertThat(http.get("/api-tokens").status()).isEqualTo(200);
  }

  @Test
  void logsWhoCreatedAndRevokedWhichTokenButNeverItsSecret(CapturedOutput log) {
    String name = unique();
    String secret = http.post("/api-tokens", "{\"name\": \"" + name + "\", \"role\": \"admin\"}").json().get("token").asString();
    http.bearer(IDENTITY.token("ada", java.util.List.of("Harmony Core Permissions"))).send(
        HttpRequest.newBuilder(URI.create(http.root() + "/api-tokens/" + name)).DELETE());

    assertThat(log.getAll()).contains("Token '" + name + "' with role admin created by token 'bootstrap-admin'")
        .contains("Token '" + name + "' revoked by user 'ada'")
        .doesNotContain(secret);
  }

  private Reply delete(String path) {
    return http.send(HttpRequest.newBuilder(URI.create(http.root() + path)).DELETE());
  }

  private static String unique() {
    return "token-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
