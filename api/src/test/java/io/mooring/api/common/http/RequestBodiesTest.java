package io.mooring.api.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.mooring.api.EmbeddedMooringTest;
import io.mooring.api.Http.Reply;
import io.mooring.api.RawHttp;
import io.mooring.api.RawHttp.Answer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Request bodies are small JSON documents, read strictly: too large or ambiguous is refused. */
class RequestBodiesTest extends EmbeddedMooringTest {

  @Test
  void refusesABodyDeclaredLargerThan64KbWith413BeforeReadingIt() {
    String body = "{\"name\": \"" + "x".repeat(70_000) + "\"}";
    Reply reply = http.post("/api-tokens", body);
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    assertThat(reply.json().get("code").asString()).isEqualTo("body-too-large");
  }

  @Test
  void refusesAChunkedBodyThatGrowsPast64KbWith413() throws IOException {
    String chunk = " ".repeat(16_000);
    StringBuilder request = new StringBuilder("POST /api-tokens HTTP/1.1\nHost: x\nAuthorization: Bearer " + adminToken()
        + "\nContent-Type: application/json\nTransfer-Encoding: chunked\nConnection: close\n\n");
    for (int i = 0; i < 6; i++) {
      request.append(Integer.toHexString(chunk.length())).append('\n').append(chunk).append('\n');
    }
    request.append("0\n\n");
    Answer answer = new RawHttp(port).send(request.toString());
    assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
    assertThat(answer.body()).contains("\"code\":\"body-too-large\"");
  }

  @Test
  void namesAFewUnknownKeysNotAllOfThem() {
    String keys = IntStream.range(0, 2000).mapToObj(i -> "\"k" + i + "\": 1").collect(Collectors.joining(", "));
    Reply reply = http.post("/api-tokens", "{\"name\": \"many-keys\", " + keys + "}");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.detail()).isEqualTo(
        "Unknown body parameter(s): 'k0', 'k1', 'k10' and 1997 more. Only 'name' and 'role' are allowed.");
    assertThat(reply.body().length()).isLessThan(400);
  }

  @Test
  void refusesAKeyGivenTwiceInsteadOfLettingTheLastOneWin() {
    Reply reply = http.post("/api-tokens", "{\"name\": \"twice\", \"role\": \"deployer\", \"role\": \"admin\"}");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("code").asString()).isEqualTo("duplicate-key");
    assertThat(reply.detail()).contains("'role'");
    assertThat(http.get("/api-tokens").body()).doesNotContain("\"twice\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/service-image-tag/web", "/service-deployments-state"})
  void refusesDuplicateKeysOnEveryBody(String path) {
    Reply reply = http.put(path, "{\"enabled\": true, \"tag\": \"1.1.0\", \"tag\": \"1.1.0\", \"enabled\": false}");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("code").asString()).isEqualTo("duplicate-key");
  }

  @Test
  void aHeadRequestAnswersLikeGetWithoutABody() {
    Reply head = http.send(HttpRequest.newBuilder(URI.create(http.root() + "/service-deployments-state"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
  }
}
