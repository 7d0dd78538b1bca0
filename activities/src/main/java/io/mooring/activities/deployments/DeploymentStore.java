package io.mooring.activities.deployments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deployment history. Every write is safe to repeat, because the activities that call it may be
 * retried after a crash: opening twice keeps the first row, and a finished deployment stays finished.
 */
@Repository
public class DeploymentStore {

  private final JdbcClient jdbc;
  private final Clock clock;

  public DeploymentStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Writes the deployment's first row; false when a retried activity finds it written already. */
  public boolean open(DeploymentRecord record) {
    try {
      jdbc.sql("""
              INSERT INTO deployment (id, username, service, tag, regression_test_version, status,
                                      phase, message, digest, previous_tag, rolled_back,
                                      created_at, updated_at, caller_kind)
              VALUES (:id, :username, :service, :tag, :regressionTestVersion, :status, :phase,
                      :message, :digest, :previousTag, :rolledBack, :createdAt, :updatedAt, :callerKind)""")
          .param("id", record.id())
          .param("username", record.username())
          .param("service", record.service())
          .param("tag", record.tag())
          .param("regressionTestVersion", record.regressionTestVersion())
          .param("status", record.status().label())
          .param("phase", record.phase())
          .param("message", record.message())
          .param("digest", record.digest())
          .param("previousTag", record.previousTag())
          .param("rolledBack", record.rolledBack())
          .param("createdAt", Timestamp.from(record.createdAt()))
          .param("updatedAt", Timestamp.from(record.updatedAt()))
          .param("callerKind", record.callerKind())
          .update();
      return true;
    } catch (DuplicateKeyException alreadyOpened) {
      // A retried activity: the first attempt's row stands.
      return false;
    }
  }

  /**
   * Moves a queued deployment on to its rollout; false when it was not queued (any more), so a
   * retried step reports leaving the line once.
   */
  public boolean leaveQueue(UUID id, String phase) {
    return jdbc.sql("""
            UPDATE deployment SET phase = :phase, updated_at = :now
             WHERE id = :id AND status = 'running' AND phase = 'queued'""")
        .param("phase", phase)
        .param("now", now())
        .param("id", id)
        .update() == 1;
  }

  /** Moves a running deployment to another phase; a finished one is left as it ended. */
  public void enterPhase(UUID id, String phase) {
    jdbc.sql("UPDATE deployment SET phase = :phase, updated_at = :now WHERE id = :id AND status = 'running'")
        .param("phase", phase)
        .param("now", now())
        .param("id", id)
        .update();
  }

  /**
   * Ends a running deployment. Returns false when it had already ended, so a deployment gets
   * exactly one terminal status however often this is retried.
   */
  public boolean finish(UUID id, DeploymentStatus status, String message, boolean rolledBack) {
    return jdbc.sql("""
            UPDATE deployment SET status = :status, phase = 'finished', message = :message,
                   rolled_back = :rolledBack, updated_at = :now
             WHERE id = :id AND status = 'running'""")
        .param("status", status.label())
        .param("message", message)
        .param("rolledBack", rolledBack)
        .param("now", now())
        .param("id", id)
        .update() == 1;
  }

  public Optional<DeploymentRecord> find(UUID id) {
    return jdbc.sql("SELECT * FROM deployment WHERE id = :id").param("id", id).query(this::row).optional();
  }

  public List<DeploymentRecord> find(DeploymentQuery query) {
    StringBuilder sql = new StringBuilder("SELECT * FROM deployment WHERE 1 = 1");
    if (query.service() != null) {
      sql.append(" AND service = :service");
    }
    if (query.status() != null) {
      sql.append(" AND status = :status");
    }
    if (query.after() != null) {
      sql.append(" AND (created_at < :afterAt OR (created_at = :afterAt AND id < :afterId))");
    }
    sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
    var statement = jdbc.sql(sql.toString()).param("limit", query.limit());
    if (query.service() != null) {
      statement = statement.param("service", query.service());
    }
    if (query.status() != null) {
      statement = statement.param("status", query.status().label());
    }
    if (query.after() != null) {
      statement = statement
          .param("afterAt", Timestamp.from(query.after().createdAt()))
          .param("afterId", query.after().id());
    }
    return statement.query(this::row).list();
  }

  public List<DeploymentRecord> running() {
    return jdbc.sql("SELECT * FROM deployment WHERE status = 'running' ORDER BY created_at")
        .query(this::row)
        .list();
  }

  private DeploymentRecord row(ResultSet rs, int rowNum) throws SQLException {
    return new DeploymentRecord(
        rs.getObject("id", UUID.class),
        rs.getString("username"),
        rs.getString("service"),
        rs.getString("tag"),
        rs.getString("regression_test_version"),
        DeploymentStatus.parse(rs.getString("status")).orElseThrow(),
        rs.getString("phase"),
        rs.getString("message"),
        rs.getString("digest"),
        rs.getString("previous_tag"),
        rs.getBoolean("rolled_back"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getString("caller_kind"));
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }
}
