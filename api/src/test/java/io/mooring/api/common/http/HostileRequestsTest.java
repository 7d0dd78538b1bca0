package io.mooring.api.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.mooring.api.EmbeddedMooringTest;
import io.mooring.api.RawHttp;
import io.mooring.api.RawHttp.Answer;
import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests an attacker or a broken client sends, written byte by byte. Whatever comes in, the
 * answer is problem details with the right status, never a 500, a stack trace or an HTML page, and
 * a flood of them cannot flood the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileRequestsTest extends EmbeddedMooringTest {

  private RawHttp raw;
  private String admin;

  @BeforeEach
  void raw() throws IOException {
    raw = new RawHttp(port);
    admin = "Authorization: Bearer " + adminToken();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/actuator/health?=x", "/actuator/health?%zz=1", "/service-deployment?service=%zz",
      "/service-deployment?service=%C0%AE", "/service-deployment?%ff%fe", "/service-deployment?service=%19%00Y"})
  void answersBrokenQueryEscapesWith400AndLogsNoStackTrace(String target, CapturedOutput log) {
    int before = log.getAll().length();
    for (int i = 0; i < 20; i++) {
      assertProblem(raw.send("GET", target, admin), 400, "malformed-query");
    }
    assertProblem(raw.send("GET", target), 400, "malformed-query");
    String written = byRequestThreads(log.getAll().substring(before));
    assertThat(written).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(written.lines().count()).as("21 bad requests, at most a line or two in the log").isLessThanOrEqualTo(2);
  }

  /**
   * The log entries that threads serving requests wrote, each with its continuation lines (a stack
   * trace among them). Other suites share this Mooring, and their workflows' workers log meanwhile.
   */
  private static String byRequestThreads(String log) {
    StringBuilder kept = new StringBuilder();
    boolean keep = true;
    for (String line : log.split("\n", -1)) {
      if (LOG_ENTRY.matcher(line).find()) {
        keep = REQUEST_THREAD.matcher(line).find();
      }
      if (keep && !line.isEmpty()) {
        kept.append(line).append('\n');
      }
    }
    return kept.toString();
  }

  private static final java.util.regex.Pattern LOG_ENTRY = java.util.regex.Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT");
  /** Tomcat's worker and connector threads, as the log pattern shows their names (the last 15 characters). */
  private static final java.util.regex.Pattern REQUEST_THREAD =
      java.util.regex.Pattern.compile("\\[[^\\]]*(exec-\\d+|Poller|Acceptor)[^\\]]*\\]");

  @Test
  void namesTheParameterAndWhatItTakesForAValueOfTheWrongType() {
    Answer answer = raw.send("PUT /service-image-tag/web?queue=null&queue=null HTTP/1.1\nHost: x\n" + admin
        + "\nContent-Type: application/json\nContent-Length: 14\nConnection: close\n\n{\"tag\": \"1.1\"}");
    assertProblem(answer, 400, "invalid-parameter");
    assertThat(answer.body()).contains("'queue' has an invalid value: 'null'; it takes true or false");
  }

  @Test
  void refusesMultipartBodiesWithoutABoundaryWith415() {
    Answer answer = raw.send("PUT /service-image-tag/web HTTP/1.1\nHost: x\n" + admin
        + "\nContent-Type: multipart/form-data\nContent-Length: 1\nConnection: close\n\nx");
    assertProblem(answer, 415, "unsupported-media-type");
  }

  @Test
  void refusesAWildcardContentTypeWith415() {
    Answer answer = raw.send("PUT /service-deployments-state HTTP/1.1\nHost: x\n" + admin
        + "\nContent-Type: */*\nContent-Length: 2\nConnection: close\n\n{}");
    assertProblem(answer, 415, "unsupported-media-type");
    assertThat(answer.body()).contains("application/json");
  }

  @ParameterizedTest
  @ValueSource(strings = {"FOO", "PROPFIND", "TRACE"})
  void answersMethodsNoEndpointTakesWith405NamingThoseItDoes(String method) {
    Answer answer = raw.send(method, "/service-image-tag/web", admin);
    assertProblem(answer, 405, "method-not-allowed");
    assertThat(answer.header("Allow")).isEqualTo("GET, HEAD, OPTIONS, PUT");

    Answer listing = raw.send(method, "/service-image-tag", admin);
    assertThat(listing.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
  }

  @Test
  void neverEchoesATraceRequest() {
    Answer answer = raw.send("TRACE", "/service-image-tag", admin, "X-Secret: hunter2");
    assertThat(answer.status()).isEqualTo(405);
    assertThat(answer.body()).doesNotContain("hunter2").doesNotContain("Bearer");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/service-image-tag/../service-image-tag", "/service-image-tag;x", "//service-image-tag",
      "/service-image-tag%3Bx", "/service-image-tag/.", "/service-image-tag/./web"})
  void refusesPathsThatAreNotInNormalFormWith400EvenWithAValidToken(String target) {
    assertProblem(raw.send("GET", target, admin), 400, "path-not-normalised");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/service-image-tag%2Fweb", "/service-image-tag/%zz", "/service-image-tag/%"})
  void answersPathsTheContainerCannotDecodeAsProblems(String target) {
    assertProblem(raw.send("GET", target, admin), 400, "bad-request");
  }

  @Test
  void answersWhatTheContainerRefusesAsProblemsNotHtml() {
    String big = "a".repeat(9000);
    assertProblem(raw.send("GET", "/actuator/health?x=" + big), 400, "bad-request");
    assertProblem(raw.send("GET", "/actuator/health", "X-Big: " + big), 400, "bad-request");
    assertProblem(raw.send("GET", "/actuator/health", "Content-Length: -1"), 400, "bad-request");
    assertProblem(raw.send("GET", "/actuator/health", "X-Control: a\u0001b"), 400, "bad-request");
    assertProblem(raw.send("CONNECT 127.0.0.1:443 HTTP/1.1\nHost: 127.0.0.1:443\nConnection: close\n\n"), 501,
        "not-implemented");
    assertProblem(raw.send("CONNECT", "/actuator/health"), 501, "not-implemented");
  }

  @Test
  void theErrorPageAskedForDirectlyIsNotFound() {
    assertProblem(raw.send("GET", "/error", admin), 404, "not-found");
    assertProblem(raw.send("GET", "/error"), 404, "not-found");
  }

  @Test
  void answersUnknownPathsWith404Problems() {
    assertProblem(raw.send("GET", "/no/such/thing", admin), 404, "not-found");
  }

  private static void assertProblem(Answer answer, int status, String code) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
    JsonNode body = JsonMapper.builder().build().readTree(answer.body());
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("code").asString()).isEqualTo(code);
    assertThat(body.get("detail").asString()).isNotBlank();
    assertThat(answer.body()).doesNotContain("Tomcat").doesNotContain("Exception").doesNotContain("<html");
  }
}
