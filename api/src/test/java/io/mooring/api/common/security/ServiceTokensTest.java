package io.mooring.api.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mooring.activities.access.ServiceApiAccess;
import io.mooring.api.EmbeddedMooringTest;
import io.mooring.api.Http;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tutum's {@code global} role: a service's containers get a reader token and the API's address.
 * The token reads what any identity may read, changes nothing, and ends with the service.
 */
class ServiceTokensTest extends EmbeddedMooringTest {

  private static final String NOWHERE = "/api/v1/service/" + UUID.randomUUID() + "/";

  @Autowired ServiceApiAccess access;

  @Test
  void givesAServiceOneTokenThatReadsTheApiButChangesNothing() {
    Map<String, String> env = access.environment("feed");

    assertThat(env).containsEntry("TUTUM_REST_HOST", PUBLIC_URL).containsEntry("TUTUM_BASE_URL", PUBLIC_URL + "/api/v1/");
    assertThat(env.get("TUTUM_AUTH")).startsWith("Bearer mooring_");
    assertThat(access.environment("feed")).as("every container of the service gets the same token").isEqualTo(env);
    Http container = http.authorization(env.get("TUTUM_AUTH"));
    assertThat(container.get("/service-image-tag").status()).isEqualTo(200);
    assertProblem(container.get(NOWHERE), 404, "unknown-service");
    assertProblem(container.post("/api/v1/service/", "{\"image\": \"demo/web:1.0.0\"}"), 403, "forbidden");
    assertProblem(container.get("/api/v1/action/"), 403, "forbidden");
    assertProblem(container.get("/service-deployment"), 403, "forbidden");
    assertThat(tokenNames()).contains("service-feed");
  }

  @Test
  void aTokenAnAdminRevokedIsReplacedForTheNextContainer() {
    String before = access.environment("cut-off").get("TUTUM_AUTH");

    assertThat(http.send(HttpRequest.newBuilder(URI.create(http.root() + "/api-tokens/service-cut-off")).DELETE())
        .status()).isEqualTo(204);

    assertProblem(http.authorization(before).get(NOWHERE), 401, "invalid-token");
    String after = access.environment("cut-off").get("TUTUM_AUTH");
    assertThat(after).isNotEqualTo(before);
    assertProblem(http.authorization(after).get(NOWHERE), 404, "unknown-service");
  }

  @Test
  void aTerminatedServicesTokenStopsWorkingAndALateContainerGetsNone() {
    String before = access.environment("short-lived").get("TUTUM_AUTH");

    access.revoke("short-lived");

    assertProblem(http.authorization(before).get(NOWHERE), 401, "invalid-token");
    assertThat(access.environment("short-lived")).as("a start retried after the end mints nothing").isEmpty();
    assertThat(liveTokensOf("service-short-lived")).isEmpty();
  }

  @Test
  void namesTheTokenOfAServiceWithTheLongestNameWithinTokenNames() {
    String longest = "a".repeat(56) + "-2";

    String secret = access.environment(longest).get("TUTUM_AUTH");

    assertThat(http.authorization(secret).get("/service-image-tag").status()).isEqualTo(200);
    assertThat(liveTokensOf("service-" + "a".repeat(ServiceTokens.MAX_BASE))).singleElement()
        .satisfies(name -> assertThat(name.length()).isLessThanOrEqualTo(64));
  }

  @Test
  void twoContainersStartingSideBySideShareOneToken() throws Exception {
    CyclicBarrier together = new CyclicBarrier(2);
    var first = CompletableFuture.supplyAsync(() -> awaitThen(together, () -> access.environment("twins")));
    var second = CompletableFuture.supplyAsync(() -> awaitThen(together, () -> access.environment("twins")));

    assertThat(first.get()).isEqualTo(second.get());
    assertThat(liveTokensOf("service-twins")).containsExactly("service-twins");
  }

  private List<String> tokenNames() {
    return http.get("/api-tokens").json().findValuesAsString("name");
  }

  private List<String> liveTokensOf(String prefix) {
    return http.get("/api-tokens").json().findParents("name").stream()
        .filter(t -> t.get("name").asString().startsWith(prefix) && t.get("revokedAt").isNull())
        .map(t -> t.get("name").asString()).toList();
  }

  private static <T> T awaitThen(CyclicBarrier barrier, Supplier<T> action) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return action.get();
  }
}
