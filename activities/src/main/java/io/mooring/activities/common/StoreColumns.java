package io.mooring.activities.common;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Reading columns the stores share the shape of. */
public final class StoreColumns {
  private StoreColumns() {}

  /** A nullable timestamp column as an instant, null where it is null. */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
