package io.mooring.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.mooring.api.Http.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Mooring on its embedded default (in-process Temporal, H2 in a temporary data directory) with a
 * services file of two services whose images live in a local test registry, and a Docker socket
 * where no engine listens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(DocumentedStatuses.class)
public abstract class EmbeddedMooringTest {

  protected static final String MISSING_DOCKER = "unix:///nonexistent/mooring-test/docker.sock";
  /** Where Mooring says it is reached: every link it hands out starts here, whatever the request said. */
  protected static final String PUBLIC_URL = "https://mooring.test";
  protected static final TestRegistry REGISTRY = new TestRegistry()
      .with("demo/web", "1.0.0", "sha256:" + "10".repeat(32))
      .with("demo/web", "1.1.0", "sha256:" + "11".repeat(32))
      .with("demo/web-tests", "latest", "sha256:" + "70".repeat(32));
  protected static final TestIdentityProvider IDENTITY = new TestIdentityProvider();
  private static final Path DATA = temporaryDirectory();

  @LocalServerPort protected int port;
  @Autowired DocumentedStatuses documentedStatuses;
  protected Http http;

  @DynamicPropertySource
  static void embeddedDefault(DynamicPropertyRegistry properties) {
    properties.add("mooring.data-dir", () -> DATA.toString());
    properties.add("mooring.services-file", () -> writeServicesFile().toString());
    properties.add("mooring.runtime.docker-host", () -> MISSING_DOCKER);
    properties.add("mooring.public-url", () -> PUBLIC_URL);
    properties.add("mooring.registry.default-registry", REGISTRY::host);
    properties.add("mooring.registry.allowed-hosts", REGISTRY::host);
    properties.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", IDENTITY::jwkSetUri);
    properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", IDENTITY::issuer);
    properties.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> TestIdentityProvider.AUDIENCE);
    // The dashboard logs people in at the same provider (OIDC, authorization code).
    properties.add("spring.security.oauth2.client.registration.idp.client-id", () -> "mooring-dashboard");
    properties.add("spring.security.oauth2.client.registration.idp.client-secret", () -> "dashboard-secret");
    properties.add("spring.security.oauth2.client.registration.idp.client-name", () -> "the test provider");
    properties.add("spring.security.oauth2.client.registration.idp.scope", () -> "openid");
    properties.add("spring.security.oauth2.client.registration.idp.authorization-grant-type", () -> "authorization_code");
    properties.add("spring.security.oauth2.client.registration.idp.redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
    // Spelled out, as the README advises: no discovery at start, so Mooring starts while the provider is down.
    properties.add("spring.security.oauth2.client.provider.idp.authorization-uri", IDENTITY::authorizationUri);
    properties.add("spring.security.oauth2.client.provider.idp.token-uri", IDENTITY::tokenUri);
    properties.add("spring.security.oauth2.client.provider.idp.jwk-set-uri", IDENTITY::jwkSetUri);
    properties.add("spring.security.oauth2.client.provider.idp.user-name-attribute", () -> "sub");
  }

  /** Connects as the admin whose token Mooring wrote to its data directory on first start. */
  @BeforeEach
  void connect() throws IOException {
    http = new Http("http://127.0.0.1:" + port, null).bearer(adminToken());
  }

  @BeforeEach
  void forgetEarlierAnswers() {
    documentedStatuses.forget();
  }

  /** Every status this test was answered is one the OpenAPI document lists for its operation. */
  @AfterEach
  void everyAnswerIsDocumented() {
    JsonNode document = documentedStatuses.document(() -> {
      Reply docs = http.get("/v3/api-docs");
      assertThat(docs.status()).isEqualTo(200);
      return docs.json();
    });
    assertThat(documentedStatuses.undocumented(document)).as("answers the OpenAPI document does not list").isEmpty();
  }

  /** A problem-details answer of this status and code, with nothing of Java in it. */
  protected static void assertProblem(Reply reply, int status, String code) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(reply.json().get("status").asInt()).isEqualTo(status);
    assertThat(reply.json().get("code").asString()).isEqualTo(code);
    assertThat(reply.json().has("title")).isTrue();
    assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  protected static Path dataDirectory() {
    return DATA;
  }

  protected static String adminToken() throws IOException {
    return Files.readString(DATA.resolve("admin-token")).strip();
  }

  private static Path writeServicesFile() {
    Path file = DATA.resolve("services.yml");
    try {
      Files.writeString(file, """
          services:
            - name: web
              repository: %1$s/demo/web
              tag: 1.0.0
              replicas: 2
              port: 18080
              health-path: /health
              regression-image: %1$s/demo/web-tests
            - name: api
              repository: %1$s/demo/api
              tag: 0.9.0
              port: 18180
            - name: offline
              repository: 127.0.0.1:%2$d/demo/web
              tag: 1.0.0
              port: 18280
          """.formatted(REGISTRY.host(), CLOSED_PORT) + ServiceFleet.yaml("fleet", MANY, REGISTRY.host(), 30000, 4, null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** {@value #MANY} more services, {@code fleet-000} and on, for concurrency tests. */
  protected static final int MANY = 100;

  /** A loopback port nothing listens on: a registry that is down. */
  protected static final int CLOSED_PORT = closedPort();

  private static int closedPort() {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("mooring-api-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
