package io.mooring.activities.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Reading columns the stores share the shape of. */
final class StoreColumns {
  private StoreColumns() {}

  /** A nullable timestamp column as an instant, null where it is null. */
  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
