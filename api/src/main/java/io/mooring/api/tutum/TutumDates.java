package io.mooring.api.tutum;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as Tutum writes them: RFC 1123 with a numeric offset, {@code Mon, 13 Oct 2014 11:01:43 +0000}. */
final class TutumDates {
  private static final DateTimeFormatter RFC_1123 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private TutumDates() {}

  /** The date, or null where it does not apply. */
  static String format(Instant instant) {
    return instant == null ? null : RFC_1123.format(instant);
  }
}
