package io.mooring.api.common.gate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The record of who switched deployments on or off. Written after the gate accepted a switch, so a
 * refused switch leaves no trace; read by the dashboard, which names who acted.
 */
@Component
public class GateSwitches {

  private static final Logger log = LoggerFactory.getLogger(GateSwitches.class);

  /** One accepted switch. */
  public record GateSwitch(boolean enabled, String message, String by, Instant at) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  public GateSwitches(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Best effort: the switch has taken effect when this runs, so a database that does not answer
   * costs the page its "by whom", never the caller an error for a switch that happened.
   */
  public void record(boolean enabled, String message, String by) {
    try {
      jdbc.sql("""
              INSERT INTO gate_switch (enabled, message, switched_by, switched_at)
              VALUES (:enabled, :message, :by, :at)""")
          .param("enabled", enabled)
          .param("message", message)
          .param("by", by)
          .param("at", Timestamp.from(clock.instant()))
          .update();
    } catch (DataAccessException unrecorded) {
      log.warn("Deployments were switched {} by {}, but who switched could not be recorded: {}",
          enabled ? "on" : "off", by, unrecorded.getMessage());
    }
  }

  /** The last accepted switch, if anyone ever switched. */
  public Optional<GateSwitch> last() {
    return jdbc.sql("SELECT * FROM gate_switch ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
        .query((row, n) -> new GateSwitch(row.getBoolean("enabled"), row.getString("message"),
            row.getString("switched_by"), row.getTimestamp("switched_at").toInstant()))
        .optional();
  }
}
