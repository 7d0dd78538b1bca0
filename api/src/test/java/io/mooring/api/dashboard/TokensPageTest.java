package io.mooring.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.mooring.api.common.security.Caller;
import io.mooring.api.common.security.PipelineToken;
import io.mooring.api.common.security.Role;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tokens page offers Revoke only where the API would allow it. */
class TokensPageTest {

  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  private static final Caller ADA = new Caller("ada", Caller.Kind.PERSON);

  @Test
  void offersNoRevokeOnTheOnlyLiveAdminToken() {
    List<PipelineToken> tokens = List.of(token("bootstrap-admin", Role.ADMIN, null), token("ci", Role.DEPLOYER, null),
        token("old-admin", Role.ADMIN, NOW));

    assertThat(TokensPage.whyKept(tokens, ADA)).containsOnlyKeys("bootstrap-admin")
        .containsValue("The last admin token: create another admin token first");
  }

  @Test
  void offersRevokeOnEitherOfTwoAdminTokensButNotOnTheOneSignedInWith() {
    List<PipelineToken> tokens = List.of(token("bootstrap-admin", Role.ADMIN, null), token("ops", Role.ADMIN, null));

    assertThat(TokensPage.whyKept(tokens, ADA)).isEmpty();
    assertThat(TokensPage.whyKept(tokens, new Caller("ops", Caller.Kind.PIPELINE))).containsOnlyKeys("ops");
  }

  private static PipelineToken token(String name, Role role, Instant revokedAt) {
    return new PipelineToken(name, role, "admin", NOW, revokedAt);
  }
}
