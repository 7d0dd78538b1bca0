package io.mooring.api.common.deployments;

import io.mooring.activities.deployments.DeploymentQuery.Position;
import io.mooring.api.common.errors.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** The opaque {@code cursor} of history pages: where the previous page ended. */
public final class HistoryCursor {
  private HistoryCursor() {}

  public static String encode(Position position) {
    String raw = position.createdAt() + "|" + position.id();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  public static Position decode(String cursor) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int bar = raw.indexOf('|');
      return new Position(Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
    } catch (RuntimeException e) {
      throw ApiProblem.badRequest("invalid-cursor", "'cursor' is not a cursor this server handed out");
    }
  }
}
