package io.mooring.api.tutum;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** Dates as Tutum writes them: RFC 1123 with a numeric offset, {@code Mon, 13 Oct 2014 11:01:43 +0000}. */
final class TutumDates {
  private static final DateTimeFormatter RFC_1123 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  /** Years 1 to 9999: what every database Mooring runs on stores, and four digits can write. */
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private TutumDates() {}

  /** The date, or null where it does not apply. */
  static String format(Instant instant) {
    return instant == null ? null : RFC_1123.format(instant);
  }

  /**
   * A date a caller filters by: the form Tutum writes, an ISO 8601 date-time with its offset, or a
   * day ({@code 2026-11-24}, its first moment in UTC); empty when it is none of them.
   */
  static Optional<Instant> parse(String text) {
    return read(text).filter(at -> !at.isBefore(EARLIEST) && !at.isAfter(LATEST));
  }

  private static Optional<Instant> read(String text) {
    for (DateTimeFormatter form : new DateTimeFormatter[] {RFC_1123, DateTimeFormatter.ISO_OFFSET_DATE_TIME}) {
      try {
        return Optional.of(OffsetDateTime.parse(text, form.withZone(null)).toInstant());
      } catch (DateTimeParseException notThisForm) {
        // Try the next.
      }
    }
    try {
      return Optional.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (DateTimeParseException notADay) {
      return Optional.empty();
    }
  }
}
