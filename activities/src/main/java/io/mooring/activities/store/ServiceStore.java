package io.mooring.activities.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The service catalog: what Mooring may deploy, and which version of each runs now. */
@Repository
public class ServiceStore {

  private final JdbcClient jdbc;
  private final Clock clock;

  public ServiceStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public List<ServiceDefinition> findAll() {
    Map<String, Map<String, String>> env = envOf(null);
    return jdbc.sql("SELECT * FROM service ORDER BY name")
        .query((rs, i) -> row(rs, env.getOrDefault(rs.getString("name"), Map.of())))
        .list();
  }

  /** Every service's name and current tag, sorted by name: one query, for the most frequent read. */
  public Map<String, String> tags() {
    Map<String, String> tags = new LinkedHashMap<>();
    jdbc.sql("SELECT name, tag FROM service ORDER BY name").query(rs -> {
      tags.put(rs.getString("name"), rs.getString("tag"));
    });
    return tags;
  }

  public Optional<ServiceDefinition> find(String name) {
    Map<String, String> env = envOf(name).getOrDefault(name, Map.of());
    return jdbc.sql("SELECT * FROM service WHERE name = :name")
        .param("name", name)
        .query((rs, i) -> row(rs, env))
        .optional();
  }

  private static ServiceDefinition row(java.sql.ResultSet rs, Map<String, String> env) throws java.sql.SQLException {
    return new ServiceDefinition(
        rs.getString("name"),
        rs.getString("repository"),
        rs.getString("tag"),
        rs.getString("digest"),
        rs.getInt("replicas"),
        rs.getInt("port"),
        rs.getString("health_path"),
        env,
        rs.getString("regression_image"),
        rs.getString("credentials"));
  }

  /**
   * Adds a service or updates how it is run. The version that runs now is kept: only a deployment
   * changes it, so re-reading the catalog file at every start never rolls a service back.
   */
  @Transactional
  public void register(ServiceDefinition service) {
    int updated = jdbc.sql("""
            UPDATE service SET repository = :repository, replicas = :replicas, port = :port,
                   health_path = :healthPath, regression_image = :regressionImage,
                   credentials = :credentials, updated_at = :now
             WHERE name = :name""")
        .params(columns(service))
        .update();
    if (updated == 0) {
      jdbc.sql("""
              INSERT INTO service (name, repository, tag, digest, replicas, port, health_path,
                                   regression_image, credentials, updated_at)
              VALUES (:name, :repository, :tag, :digest, :replicas, :port, :healthPath,
                      :regressionImage, :credentials, :now)""")
          .params(columns(service))
          .update();
    }
    jdbc.sql("DELETE FROM service_env WHERE service = :name").param("name", service.name()).update();
    service.env().forEach((key, value) -> jdbc
        .sql("INSERT INTO service_env (service, name, val) VALUES (:service, :name, :val)")
        .param("service", service.name())
        .param("name", key)
        .param("val", value)
        .update());
  }

  public void recordVersion(String name, String tag, String digest) {
    jdbc.sql("UPDATE service SET tag = :tag, digest = :digest, updated_at = :now WHERE name = :name")
        .param("tag", tag)
        .param("digest", digest)
        .param("now", now())
        .param("name", name)
        .update();
  }

  private Map<String, Object> columns(ServiceDefinition service) {
    Map<String, Object> columns = new HashMap<>();
    columns.put("name", service.name());
    columns.put("repository", service.repository());
    columns.put("tag", service.tag());
    columns.put("digest", service.digest());
    columns.put("replicas", service.replicas());
    columns.put("port", service.port());
    columns.put("healthPath", service.healthPath());
    columns.put("regressionImage", service.regressionImage());
    columns.put("credentials", service.credentials());
    columns.put("now", now());
    return columns;
  }

  /** Environment variables by service: of one service, or of all when {@code service} is null. */
  private Map<String, Map<String, String>> envOf(String service) {
    Map<String, Map<String, String>> env = new HashMap<>();
    var statement = service == null
        ? jdbc.sql("SELECT service, name, val FROM service_env")
        : jdbc.sql("SELECT service, name, val FROM service_env WHERE service = :service").param("service", service);
    statement.query(rs -> {
      env.computeIfAbsent(rs.getString("service"), k -> new HashMap<>()).put(rs.getString("name"), rs.getString("val"));
    });
    return env;
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }
}
