package io.mooring.activities.actions;

import io.mooring.activities.common.StoreColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The actions: every operation on a service, newest first. */
@Repository
public class ActionStore {

  private static final int MAX_BODY = 8192;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ActionMetrics metrics;

  public ActionStore(JdbcClient jdbc, Clock clock, ActionMetrics metrics) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.metrics = metrics;
  }

  /**
   * Stores a new action in its state ({@code Pending}, or {@code In progress} with its start date
   * for one that starts at once); storing it again (a retried step) changes nothing.
   */
  public void open(ActionRecord action) {
    ActionOrigin origin = action.origin();
    try {
      jdbc.sql("""
              INSERT INTO action (id, service, action, method, path, user_agent, ip, body, username, caller_kind,
                                  is_user_action, state, created_at, start_date)
              VALUES (:id, :service, :action, :method, :path, :userAgent, :ip, :body, :username, :callerKind,
                      :userAction, :state, :now, :startDate)""")
          .param("id", action.id())
          .param("service", action.service())
          .param("action", action.action())
          .param("method", origin.method())
          .param("path", clip(origin.path(), 512))
          .param("userAgent", clip(origin.userAgent(), 512))
          .param("ip", origin.ip())
          .param("body", clip(origin.body(), MAX_BODY))
          .param("username", origin.username())
          .param("callerKind", origin.callerKind())
          .param("userAction", origin.userAction())
          .param("state", action.state().label())
          .param("now", Timestamp.from(clock.instant()))
          .param("startDate", action.state() == ActionState.IN_PROGRESS ? Timestamp.from(clock.instant()) : null)
          .update();
    } catch (DuplicateKeyException alreadyOpen) {
      // An earlier attempt stored it.
    }
  }

  /** What the caller sent is kept as far as its column goes. */
  private static String clip(String text, int max) {
    return text != null && text.length() > max ? text.substring(0, max) : text;
  }

  /**
   * Moves an action on: {@code In progress} sets its start date, a final state its end date. A
   * finished action stays as it ended, so a late or repeated step cannot rewrite its outcome; only
   * a pending one starts, so a step that comes late cannot undo a {@code Canceling}.
   */
  public void enter(UUID id, ActionState state) {
    String date = state == ActionState.IN_PROGRESS ? ", start_date = COALESCE(start_date, :now)"
        : state.finished() ? ", start_date = COALESCE(start_date, :now), end_date = :now" : "";
    String from = state == ActionState.IN_PROGRESS ? "state = 'Pending'"
        : "state NOT IN ('Success', 'Failed', 'Canceled')";
    Instant now = clock.instant();
    int entered = jdbc.sql("UPDATE action SET state = :state" + date + " WHERE id = :id AND " + from)
        .param("state", state.label())
        .param("now", Timestamp.from(now))
        .param("id", id)
        .update();
    if (entered == 1 && state.finished()) {
      find(id).ifPresent(action -> metrics.finished(action, now));
    }
  }

  public Optional<ActionRecord> find(UUID id) {
    return jdbc.sql("SELECT * FROM action WHERE id = :id").param("id", id).query(ActionStore::row).optional();
  }

  /** An action with the uuid of its service and whether it can still be cancelled. */
  public Optional<ActionEntry> entry(UUID id) {
    return jdbc.sql(ENTRIES + " WHERE a.id = :id").param("id", id).query(ActionStore::entry).optional();
  }

  /** Newest first. */
  public List<ActionEntry> list(ActionQuery query) {
    Map<String, Object> params = new HashMap<>();
    String where = where(query, params);
    params.put("limit", query.limit());
    params.put("offset", query.offset());
    return jdbc.sql(ENTRIES + " WHERE " + where + " ORDER BY a.created_at DESC, a.id DESC LIMIT :limit OFFSET :offset")
        .params(params)
        .query(ActionStore::entry)
        .list();
  }

  public long count(ActionQuery query) {
    Map<String, Object> params = new HashMap<>();
    String where = where(query, params);
    return jdbc.sql("SELECT COUNT(*) FROM action a JOIN service s ON s.name = a.service WHERE " + where)
        .params(params).query(Long.class).single();
  }

  /** A deployment's row says whether it still runs: only then can its action be cancelled. */
  private static final String ENTRIES = """
      SELECT a.*, s.uuid AS service_uuid, d.status AS deployment_status
        FROM action a JOIN service s ON s.name = a.service LEFT JOIN deployment d ON d.id = a.id""";

  /** The newest action of this kind on the service that has not ended, if one is under way. */
  public Optional<UUID> underWay(String service, String action) {
    return jdbc.sql("""
            SELECT id FROM action WHERE service = :service AND action = :action
               AND state NOT IN ('Success', 'Failed', 'Canceled')
             ORDER BY created_at DESC, id DESC LIMIT 1""")
        .param("service", service)
        .param("action", action)
        .query(UUID.class)
        .optional();
  }

  /** The newest actions of a service, for its {@code actions} list. */
  public List<UUID> idsOf(String service, int limit) {
    return jdbc.sql("SELECT id FROM action WHERE service = :service ORDER BY created_at DESC, id DESC LIMIT :limit")
        .param("service", service)
        .param("limit", limit)
        .query(UUID.class)
        .list();
  }

  private static String where(ActionQuery query, Map<String, Object> params) {
    StringBuilder where = new StringBuilder("TRUE");
    if (query.state() != null) {
      where.append(" AND a.state = :state");
      params.put("state", query.state().label());
    }
    if (query.service() != null) {
      where.append(" AND s.uuid = :service");
      params.put("service", query.service());
    }
    between(where, params, "start_date", query.startedFrom(), query.startedTo());
    between(where, params, "end_date", query.endedFrom(), query.endedTo());
    return where.toString();
  }

  private static void between(StringBuilder where, Map<String, Object> params, String column, Instant from, Instant to) {
    if (from != null) {
      where.append(" AND a.").append(column).append(" >= :").append(column).append("_from");
      params.put(column + "_from", Timestamp.from(from));
    }
    if (to != null) {
      where.append(" AND a.").append(column).append(" <= :").append(column).append("_to");
      params.put(column + "_to", Timestamp.from(to));
    }
  }

  private static ActionEntry entry(ResultSet rs, int i) throws SQLException {
    ActionRecord action = row(rs, i);
    boolean cancelable = "running".equals(rs.getString("deployment_status"))
        && (action.state() == ActionState.PENDING || action.state() == ActionState.IN_PROGRESS);
    return new ActionEntry(action, rs.getObject("service_uuid", UUID.class), cancelable);
  }

  private static ActionRecord row(ResultSet rs, int i) throws SQLException {
    return new ActionRecord(
        rs.getObject("id", UUID.class),
        rs.getString("service"),
        rs.getString("action"),
        new ActionOrigin(
            rs.getString("method"),
            rs.getString("path"),
            rs.getString("user_agent"),
            rs.getString("ip"),
            rs.getString("body"),
            rs.getString("username"),
            rs.getString("caller_kind"),
            rs.getBoolean("is_user_action")),
        ActionState.parse(rs.getString("state")).orElse(ActionState.PENDING),
        StoreColumns.instant(rs, "created_at"),
        StoreColumns.instant(rs, "start_date"),
        StoreColumns.instant(rs, "end_date"));
  }
}
