package io.mooring.api.tutum;

import io.mooring.api.common.errors.ApiProblem;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the resource URIs Tutum's clients filter by: {@code /api/v1/service/<uuid>/}, or the bare uuid. */
final class TutumUris {

  private static final Pattern SERVICE_URI = Pattern.compile("^(?:/api/v1/service/)?([0-9a-fA-F-]{36})/?$");

  private TutumUris() {}

  /** The service a filter names; a 400 when it names none. */
  static UUID serviceUuid(String filter) {
    return serviceUuidIn(filter).orElseThrow(() -> ApiProblem.badRequest("invalid-service-uri",
            "a service is named by its resource URI (/api/v1/service/<uuid>/) or its uuid"));
  }

  /** The service a resource URI or uuid names, if it is one. */
  static Optional<UUID> serviceUuidIn(String text) {
    Matcher matcher = SERVICE_URI.matcher(text);
    return matcher.matches() ? parseUuid(matcher.group(1)) : Optional.empty();
  }

  static Optional<UUID> parseUuid(String text) {
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException notAUuid) {
      return Optional.empty();
    }
  }
}
