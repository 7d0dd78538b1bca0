package io.mooring.api.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.mooring.api.EmbeddedMooringTest;
import io.mooring.api.Http.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ImageWatcherApiTest extends EmbeddedMooringTest {

  @BeforeAll
  static void publishCentralLedger() {
    for (String tag : new String[] {"v8.8.0-snapshot", "v8.8.0", "v10.1.0", "v11.0.0", "v11.0.0-patch.1",
        "v11.0.0-patch.2", "v11.0.0-patch.10", "v11.0.1", "v11.2.0", "v12.0.0-rc.1", "latest", "main"}) {
      REGISTRY.with("mojaloop/central-ledger", tag, "sha256:" + "cd".repeat(32));
    }
  }

  @Test
  void answersTheNewestReleaseByEachStrategyAsImageWatcherDoes() {
    assertThat(newest("v11.0.0", "major")).isEqualTo("v11.2.0");
    assertThat(newest("v10.1.0", "minor")).isEqualTo("v10.1.0");
    assertThat(newest("v11.0.0", "minor")).isEqualTo("v11.2.0");
    assertThat(newest("v11.0.0", "bugfix")).isEqualTo("v11.0.1");
    Reply reply = http.get("/image/mojaloop/central-ledger/v11.0.0?strategy=patch");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().get("tag").asString()).isEqualTo("v11.0.0-patch.10");
    assertThat(reply.json().get("fullImage").asString()).isEqualTo("mojaloop/central-ledger/v11.0.0-patch.10");
  }

  @Test
  void letsAPreReleaseWinOnlyWhenAskedFor() {
    assertThat(newest("v11.2.0", "major")).isEqualTo("v11.2.0");
    Reply reply = http.get("/images/mojaloop/central-ledger/v11.2.0?strategy=major&pre_releases=true");
    assertThat(reply.json().get("tag").asString()).isEqualTo("v12.0.0-rc.1");
  }

  @Test
  void neverAnswersADowngradeEvenForATagNoLongerListed() {
    assertThat(newest("v13.0.0", "major")).isEqualTo("v13.0.0");
    assertThat(newest("v8.8.0-snapshot", "major")).isEqualTo("v11.2.0");
  }

  @Test
  void refusesAStrategyItDoesNotKnow() {
    Reply reply = http.get("/images/mojaloop/central-ledger/v11.0.0?strategy=newest");
    assertProblem(reply, 400, "invalid-strategy");
    assertThat(reply.detail()).contains("major, minor, bugfix, patch");
    assertProblem(http.get("/images/mojaloop/central-ledger/v11.0.0"), 400, "invalid-strategy");
  }

  @Test
  void refusesATagThatIsNotAVersion() {
    assertProblem(http.get("/images/mojaloop/central-ledger/latest?strategy=major"), 400, "not-a-version");
  }

  @Test
  void answers404ForAnImageTheRegistryDoesNotHave() {
    assertProblem(http.get("/images/mojaloop/no-such-image/v1.0.0?strategy=major"), 404, "unknown-image");
  }

  @Test
  void refusesAnInvalidImageName() {
    assertProblem(http.get("/images/Mojaloop/central-ledger/v1.0.0?strategy=major"), 400, "invalid-image-name");
  }

  private String newest(String tag, String strategy) {
    Reply reply = http.get("/images/mojaloop/central-ledger/" + tag + "?strategy=" + strategy);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json().get("tag").asString();
  }
}
