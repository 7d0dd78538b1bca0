package io.mooring.activities.actions;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The log of an operation (a deployment or a lifecycle action), written line by line as it
 * happens. Each line belongs to a named step; writing a step twice (an activity retried after a
 * crash) keeps the first line, so the log never shows a step doubled.
 */
@Repository
public class OperationLog {

  private static final int MAX_LINE = 8192;

  private final JdbcClient jdbc;
  private final Clock clock;

  public OperationLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void append(UUID deploymentId, String step, String line) {
    try {
      jdbc.sql("INSERT INTO deployment_log (deployment_id, step, at, line) VALUES (:id, :step, :at, :line)")
          .param("id", deploymentId)
          .param("step", step)
          .param("at", Timestamp.from(clock.instant()))
          .param("line", line.length() > MAX_LINE ? line.substring(0, MAX_LINE) : line)
          .update();
    } catch (DuplicateKeyException alreadyWritten) {
      // The step was logged by an earlier attempt.
    }
  }

  /**
   * Several steps' lines in one write, in order: one commit rather than one each. A step written
   * before (by an earlier attempt) keeps its line, as with {@link #append}.
   */
  public void appendAll(UUID deploymentId, List<LogStep> steps) {
    if (steps.isEmpty()) {
      return;
    }
    StringBuilder sql = new StringBuilder("INSERT INTO deployment_log (deployment_id, step, at, line) VALUES ");
    Timestamp at = Timestamp.from(clock.instant());
    Map<String, Object> statement = new HashMap<>();
    statement.put("id", deploymentId);
    statement.put("at", at);
    for (int i = 0; i < steps.size(); i++) {
      String line = steps.get(i).line();
      sql.append(i == 0 ? "" : ", ").append("(:id, :step").append(i).append(", :at, :line").append(i).append(")");
      statement.put("step" + i, steps.get(i).step());
      statement.put("line" + i, line.length() > MAX_LINE ? line.substring(0, MAX_LINE) : line);
    }
    jdbc.sql(sql.append(" ON CONFLICT DO NOTHING").toString()).params(statement).update();
  }

  /** The lines after {@code afterSeq} (0 for all), oldest first. */
  public List<LogLine> lines(UUID deploymentId, long afterSeq) {
    return jdbc.sql("""
            SELECT seq, at, line FROM deployment_log
             WHERE deployment_id = :id AND seq > :after ORDER BY seq""")
        .param("id", deploymentId)
        .param("after", afterSeq)
        .query((rs, i) -> new LogLine(rs.getLong("seq"), rs.getTimestamp("at").toInstant(), rs.getString("line")))
        .list();
  }

  /** The step the operation logged last, with its line and when; empty before its first line. */
  public Optional<LoggedStep> lastStep(UUID deploymentId) {
    return jdbc.sql("""
            SELECT step, at, line FROM deployment_log
             WHERE deployment_id = :id ORDER BY seq DESC LIMIT 1""")
        .param("id", deploymentId)
        .query((rs, i) -> new LoggedStep(rs.getString("step"), rs.getTimestamp("at").toInstant(), rs.getString("line")))
        .optional();
  }

  /** The logs of several operations at once, each oldest line first; an operation without lines is absent. */
  public Map<UUID, List<String>> linesOf(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<UUID, List<String>> logs = new HashMap<>();
    jdbc.sql("SELECT deployment_id, line FROM deployment_log WHERE deployment_id IN (:ids) ORDER BY seq")
        .param("ids", List.copyOf(ids))
        .query(rs -> {
          logs.computeIfAbsent(rs.getObject("deployment_id", UUID.class), id -> new ArrayList<>())
              .add(rs.getString("line"));
        });
    return logs;
  }
}
