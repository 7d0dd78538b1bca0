package io.mooring.api.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mooring.activities.access.ServiceApiAccess;
import io.mooring.api.EmbeddedMooringTest;
import io.mooring.api.Http;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tutum's {@code global} role: a service's containers get a reader token and the API's address.
 * The token reads what any identity may read, changes nothing, and stops working when revoked.
 */
class ServiceTokensTest extends EmbeddedMooringTest {

  @Autowired ServiceApiAccess access;

  @Test
  void givesAServiceOneTokenThatReadsTheApiButChangesNothing() {
    Map<String, String> env = access.environment("feed");

    assertThat(env).containsEntry("TUTUM_REST_HOST", PUBLIC_URL).containsEntry("TUTUM_BASE_URL", PUBLIC_URL + "/api/v1/");
    assertThat(env.get("TUTUM_AUTH")).startsWith("Bearer mooring_");
    assertThat(access.environment("feed")).as("every container of the service gets the same token").isEqualTo(env);
    Http container = http.authorization(env.get("TUTUM_AUTH"));
    assertThat(container.get("/api/v1/action/").status()).isEqualTo(200);
    assertThat(container.get("/service-image-tag").status()).isEqualTo(200);
    assertProblem(container.post("/api/v1/service/", "{\"image\": \"demo/web:1.0.0\"}"), 403, "forbidden");
    assertProblem(container.get("/service-deployment"), 403, "forbidden");
    assertThat(http.get("/api-tokens").json().findValues("name").stream().map(n -> n.asString()))
        .contains("service-feed");
  }

  @Test
  void revokedTheTokenStopsWorkingAndANewContainerGetsAnother() {
    String before = access.environment("short-lived").get("TUTUM_AUTH");

    access.revoke("short-lived");

    assertProblem(http.authorization(before).get("/api/v1/action/"), 401, "invalid-token");
    String after = access.environment("short-lived").get("TUTUM_AUTH");
    assertThat(after).isNotEqualTo(before);
    assertThat(http.authorization(after).get("/api/v1/action/").status()).isEqualTo(200);
  }

  @Test
  void twoContainersStartingSideBySideShareOneToken() throws Exception {
    CyclicBarrier together = new CyclicBarrier(2);
    var first = CompletableFuture.supplyAsync(() -> awaitThen(together, () -> access.environment("twins")));
    var second = CompletableFuture.supplyAsync(() -> awaitThen(together, () -> access.environment("twins")));

    assertThat(first.get()).isEqualTo(second.get());
    access.revoke("twins");
    assertProblem(http.authorization(first.get().get("TUTUM_AUTH")).get("/api/v1/action/"), 401, "invalid-token");
    List<String> live = http.get("/api-tokens").json().findParents("name").stream()
        .filter(t -> t.get("name").asString().startsWith("service-twins") && t.get("revokedAt").isNull())
        .map(t -> t.get("name").asString()).toList();
    assertThat(live).as("no token of the service outlives its revocation").isEmpty();
  }

  private static <T> T awaitThen(CyclicBarrier barrier, java.util.function.Supplier<T> action) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return action.get();
  }
}
