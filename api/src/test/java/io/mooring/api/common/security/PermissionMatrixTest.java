package io.mooring.api.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mooring.api.EmbeddedMooringTest;
import io.mooring.api.Http;
import io.mooring.api.Http.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may do what, for every endpoint and every kind of credential, over real HTTP with real
 * token validation. A rejected request changes nothing.
 */
class PermissionMatrixTest extends EmbeddedMooringTest {

  private static final List<String> DEPLOYERS = List.of("Harmony Service Deployers");
  private static final List<String> ADMINS = List.of("Harmony Core Permissions");

  enum Needs { IDENTITY, DEPLOYER, ADMIN }

  private String pipelineName;

  record Endpoint(String method, String path, String body, Needs needs) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  enum Credential {
    NONE, BASIC_HEADER, EMPTY_BEARER, GARBAGE_BEARER, FORGED_SIGNATURE, EXPIRED, WRONG_ISSUER, WRONG_AUDIENCE,
    REVOKED_PIPELINE_TOKEN, UNKNOWN_PIPELINE_TOKEN, NO_EXPIRY, NO_SUBJECT, UNKNOWN_KEY_ID,
    JWT_WITHOUT_ROLE, JWT_DEPLOYER, JWT_ADMIN, PIPELINE_DEPLOYER, PIPELINE_READER
  }

  static Stream<Arguments> matrix() {
    String someId = UUID.randomUUID().toString();
    List<Endpoint> endpoints = List.of(
        new Endpoint("GET", "/service-image-tag", null, Needs.IDENTITY),
        new Endpoint("GET", "/service-image-tag/web", null, Needs.IDENTITY),
        new Endpoint("PUT", "/service-image-tag/web", "{\"tag\": \"9.9.9\"}", Needs.DEPLOYER),
        new Endpoint("GET", "/service-deployment", null, Needs.DEPLOYER),
        new Endpoint("GET", "/service-deployment/" + someId, null, Needs.DEPLOYER),
        new Endpoint("POST", "/service-deployment/" + someId + "/cancel", "", Needs.DEPLOYER),
        new Endpoint("GET", "/deployment-logs/" + someId, null, Needs.DEPLOYER),
        new Endpoint("GET", "/service-deployments-state", null, Needs.DEPLOYER),
        new Endpoint("PUT", "/service-deployments-state", "{\"enabled\": true, \"message\": \"matrix\"}", Needs.ADMIN),
        new Endpoint("GET", "/api-tokens", null, Needs.ADMIN),
        new Endpoint("POST", "/api-tokens", "{\"name\": \"NEW\", \"role\": \"deployer\"}", Needs.ADMIN),
        new Endpoint("DELETE", "/api-tokens/no-such-token", null, Needs.ADMIN),
        new Endpoint("GET", "/v3/api-docs", null, Needs.IDENTITY),
        new Endpoint("GET", "/api/v1/service/" + someId + "/", null, Needs.IDENTITY),
        new Endpoint("POST", "/api/v1/service/", "{\"image\": \"\"}", Needs.DEPLOYER),
        new Endpoint("POST", "/api/v1/service/" + someId + "/start/", "", Needs.DEPLOYER),
        new Endpoint("DELETE", "/api/v1/service/" + someId + "/", null, Needs.DEPLOYER),
        new Endpoint("GET", "/api/v1/action/", null, Needs.DEPLOYER),
        new Endpoint("GET", "/api/v1/service/" + someId + "/logs/", null, Needs.DEPLOYER),
        new Endpoint("POST", "/api/v1/action/" + someId + "/cancel/", "", Needs.DEPLOYER),
        new Endpoint("GET", "/repos", null, Needs.IDENTITY),
        new Endpoint("GET", "/outdated", null, Needs.IDENTITY),
        new Endpoint("GET", "/tags/web", null, Needs.IDENTITY),
        new Endpoint("GET", "/images/demo/web/1.0.0?strategy=major", null, Needs.IDENTITY),
        new Endpoint("POST", "/tags/web", "{\"auto_deploy\": false}", Needs.DEPLOYER),
        new Endpoint("POST", "/tags/web/reset", "", Needs.DEPLOYER),
        new Endpoint("DELETE", "/tags/web/quarantine", null, Needs.DEPLOYER));
    List<Arguments> cases = new ArrayList<>();
    for (Endpoint endpoint : endpoints) {
      for (Credential credential : Credential.values()) {
        cases.add(Arguments.of(endpoint, credential));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("matrix")
  void answersEachCallerAsItsRolesAllow(Endpoint endpoint, Credential credential) throws Exception {
    Http caller = as(credential);
    String before = worldState();

    Reply reply = caller.send(request(endpoint));

    switch (expected(endpoint.needs(), credential)) {
      case 401 -> {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        assertProblemBody(reply, 401);
        assertThat(worldState()).as("a rejected request changes nothing").isEqualTo(before);
      }
      case 403 -> {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
        assertProblemBody(reply, 403);
        assertThat(reply.detail()).isEqualTo("User " + nameOf(credential) + " does not have permission to access this resource");
        assertThat(worldState()).as("a rejected request changes nothing").isEqualTo(before);
      }
      default -> assertThat(reply.status()).as(reply.toString()).isNotIn(401, 403).isLessThan(500);
    }
  }

  /** HEAD follows GET everywhere: the same answer for the same caller, without a body. */
  @ParameterizedTest(name = "HEAD {0} with {1}")
  @MethodSource("matrix")
  void answersHeadAsItAnswersGet(Endpoint endpoint, Credential credential) throws Exception {
    if (!endpoint.method().equals("GET")) {
      return;
    }
    Http caller = as(credential);
    Reply get = caller.send(request(endpoint));
    Reply head = caller.send(HttpRequest.newBuilder(URI.create(http.root() + endpoint.path()))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertThat(head.status()).as("HEAD " + endpoint + " answered " + head.status() + ", GET " + get).isEqualTo(get.status());
    assertThat(head.body()).isEmpty();
  }

  private static int expected(Needs needs, Credential credential) {
    return switch (credential) {
      case JWT_ADMIN -> 200;
      case JWT_DEPLOYER, PIPELINE_DEPLOYER -> needs == Needs.ADMIN ? 403 : 200;
      case JWT_WITHOUT_ROLE, PIPELINE_READER -> needs == Needs.IDENTITY ? 200 : 403;
      default -> 401;
    };
  }

  private Http as(Credential credential) {
    Http anonymous = http.authorization(null);
    return switch (credential) {
      case NONE -> anonymous;
      case BASIC_HEADER -> anonymous.authorization("Basic YWRtaW46YWRtaW4=");
      case EMPTY_BEARER -> anonymous.authorization("Bearer ");
      case GARBAGE_BEARER -> anonymous.authorization("Bearer not a token");
      case FORGED_SIGNATURE -> anonymous.bearer(IDENTITY.forged("mallory", ADMINS));
      case EXPIRED -> anonymous.bearer(IDENTITY.expired("alice", ADMINS));
      case WRONG_ISSUER -> anonymous.bearer(IDENTITY.fromAnotherIssuer("alice", ADMINS));
      case WRONG_AUDIENCE -> anonymous.bearer(IDENTITY.forAnotherAudience("alice", ADMINS));
      case REVOKED_PIPELINE_TOKEN -> anonymous.bearer(revokedPipelineToken());
      case NO_EXPIRY -> anonymous.bearer(IDENTITY.withoutExpiry("alice", ADMINS));
      case NO_SUBJECT -> anonymous.bearer(IDENTITY.withoutSubject(ADMINS));
      case UNKNOWN_KEY_ID -> anonymous.bearer(IDENTITY.withUnknownKeyId("alice", ADMINS));
      case UNKNOWN_PIPELINE_TOKEN -> anonymous.bearer("mooring_" + "A".repeat(43));
      case JWT_WITHOUT_ROLE -> anonymous.bearer(IDENTITY.token("visitor", List.of("Some Other Group")));
      case JWT_DEPLOYER -> anonymous.bearer(IDENTITY.token("dana", DEPLOYERS));
      case JWT_ADMIN -> anonymous.bearer(IDENTITY.token("ada", ADMINS));
      case PIPELINE_DEPLOYER -> anonymous.bearer(pipelineToken("deployer", false));
      case PIPELINE_READER -> anonymous.bearer(pipelineToken("reader", false));
    };
  }

  private String nameOf(Credential credential) {
    return switch (credential) {
      case JWT_WITHOUT_ROLE -> "visitor";
      case JWT_DEPLOYER -> "dana";
      case PIPELINE_DEPLOYER, PIPELINE_READER -> pipelineName;
      default -> throw new IllegalArgumentException(credential.name());
    };
  }

  private String revokedPipelineToken() {
    return pipelineToken("admin", true);
  }

  /** A fresh pipeline token; its name is kept to check the 403 sentence. */
  private String pipelineToken(String role, boolean revoked) {
    String name = "pipeline-" + UUID.randomUUID().toString().substring(0, 8);
    pipelineName = name;
    Reply created = http.post("/api-tokens", "{\"name\": \"" + name + "\", \"role\": \"" + role + "\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    if (revoked) {
      assertThat(http.send(HttpRequest.newBuilder(URI.create(http.root() + "/api-tokens/" + name)).DELETE()).status())
          .isEqualTo(204);
    }
    return created.json().get("token").asString();
  }

  private HttpRequest.Builder request(Endpoint endpoint) {
    String body = endpoint.body() == null ? null
        : endpoint.body().replace("NEW", "made-by-matrix-" + UUID.randomUUID().toString().substring(0, 8));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.root() + endpoint.path()));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return request.method(endpoint.method(),
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
  }

  /** What a write could change: history, the gate, the tokens, services and actions. Read as the admin. */
  private String worldState() {
    return http.get("/service-deployment?limit=500").body() + "|" + http.get("/service-deployments-state").body()
        + "|" + http.get("/api-tokens").body() + "|" + http.get("/service-image-tag").body()
        + "|" + http.get("/api/v1/action/?limit=1000").body();
  }

  private static void assertProblemBody(Reply reply, int status) {
    assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(reply.json().get("status").asInt()).isEqualTo(status);
    assertThat(reply.json().has("code")).isTrue();
    assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }
}
