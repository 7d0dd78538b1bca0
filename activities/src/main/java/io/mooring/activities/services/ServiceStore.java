package io.mooring.activities.services;

import io.mooring.activities.common.StoreColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service records: what Mooring runs, how, and which version of each runs now. One kind of
 * record whether the services file declared it or Tutum's API created it.
 */
@Repository
public class ServiceStore {

  private static final Logger log = LoggerFactory.getLogger(ServiceStore.class);

  private final JdbcClient jdbc;
  private final Clock clock;

  public ServiceStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Every service, by unique name. */
  public List<ServiceDefinition> findAll() {
    return records(null, null).stream().map(ServiceRecord::definition)
        .sorted(java.util.Comparator.comparing(ServiceDefinition::name)).toList();
  }

  /** Every service's unique name and current tag, sorted by name: one query, for the most frequent read. */
  public Map<String, String> tags() {
    Map<String, String> tags = new LinkedHashMap<>();
    jdbc.sql("SELECT name, tag FROM service ORDER BY name").query(rs -> {
      tags.put(rs.getString("name"), rs.getString("tag"));
    });
    return tags;
  }

  /** Every service that is not terminated, with the version it runs: one query, for the registry watcher. */
  public List<ServiceVersion> versions() {
    return jdbc.sql("SELECT name, repository, tag, digest, credentials, state FROM service"
            + " WHERE state <> 'Terminated' ORDER BY name")
        .query((rs, i) -> new ServiceVersion(rs.getString("name"), rs.getString("repository"), rs.getString("tag"),
            rs.getString("digest"), rs.getString("credentials"),
            ServiceState.parse(rs.getString("state")).orElse(ServiceState.INIT)))
        .list();
  }

  public Optional<ServiceDefinition> find(String uniqueName) {
    return record(uniqueName).map(ServiceRecord::definition);
  }

  public Optional<ServiceRecord> record(String uniqueName) {
    return one("name = :key", uniqueName);
  }

  public Optional<ServiceRecord> record(UUID uuid) {
    return one("uuid = :key", uuid);
  }

  /**
   * Services by Tutum's filters (each null when not given), oldest first.
   *
   * @param displayName the name a service was given
   */
  public List<ServiceRecord> records(String displayName, String uniqueName) {
    StringBuilder where = new StringBuilder("TRUE");
    Map<String, Object> params = new HashMap<>();
    if (displayName != null) {
      where.append(" AND display_name = :displayName");
      params.put("displayName", displayName);
    }
    if (uniqueName != null) {
      where.append(" AND name = :uniqueName");
      params.put("uniqueName", uniqueName);
    }
    boolean filtered = displayName != null || uniqueName != null;
    List<String> names = filtered
        ? jdbc.sql("SELECT name FROM service WHERE " + where).params(params).query(String.class).list() : null;
    if (names != null && names.isEmpty()) {
      return List.of();
    }
    // Filtered: the side tables of the matching services only; else all of them, in one read each.
    Details details = details(names);
    return jdbc.sql("SELECT * FROM service WHERE " + where + " ORDER BY created_at, name")
        .params(params)
        .query((rs, i) -> row(rs, details))
        .list();
  }

  private Optional<ServiceRecord> one(String condition, Object key) {
    Optional<String> name = jdbc.sql("SELECT name FROM service WHERE " + condition).param("key", key)
        .query(String.class).optional();
    if (name.isEmpty()) {
      return Optional.empty();
    }
    Details details = details(List.of(name.get()));
    return jdbc.sql("SELECT * FROM service WHERE name = :name").param("name", name.get())
        .query((rs, i) -> row(rs, details)).optional();
  }

  /**
   * Adds a service of the services file or updates how it is run. The version that runs now is
   * kept: only a deployment changes it, so re-reading the file at every start never rolls a service
   * back. A service of that name created through the API is left alone.
   */
  @Transactional
  public void register(ServiceDefinition service) {
    Optional<Boolean> fromFile = jdbc.sql("SELECT origin = 'file' FROM service WHERE name = :name")
        .param("name", service.name()).query(Boolean.class).optional();
    if (fromFile.isPresent() && !fromFile.get()) {
      log.warn("The services file declares {}, but a service of that name was created through the API: left as it is",
          service.name());
      return;
    }
    Map<String, Object> columns = columns(service);
    if (fromFile.isPresent()) {
      jdbc.sql("""
              UPDATE service SET repository = :repository, replicas = :replicas, port = :port,
                     health_path = :healthPath, regression_image = :regressionImage,
                     credentials = :credentials, updated_at = :now
               WHERE name = :name""")
          .params(columns)
          .update();
    } else {
      columns.put("uuid", UUID.randomUUID());
      jdbc.sql("""
              INSERT INTO service (name, uuid, display_name, origin, networking, state, repository, tag, digest,
                                   replicas, port, health_path, regression_image, credentials, runtime, created_at,
                                   updated_at)
              VALUES (:name, :uuid, :name, 'file', 'host', 'Init', :repository, :tag, :digest,
                      :replicas, :port, :healthPath, :regressionImage, :credentials, :runtime, :now, :now)""")
          .params(columns)
          .update();
    }
    replaceEnv(service.name(), service.env());
  }

  /**
   * Stores a service created through the API, in {@code Init}, under the first free unique name:
   * its name, else {@code name-2}, {@code name-3}, …
   *
   * @return the record as stored, with its unique name
   */
  @Transactional
  public ServiceRecord create(UUID uuid, String displayName, String baseName, ServiceDefinition service,
      List<String> tags) {
    String uniqueName = freeName(baseName);
    Map<String, Object> columns = columns(service);
    ContainerSettings container = service.container();
    columns.put("name", uniqueName);
    columns.put("uuid", uuid);
    columns.put("displayName", displayName);
    columns.put("networking", container.networking().name().toLowerCase());
    columns.put("runCommand", container.runCommand());
    columns.put("entrypoint", container.entrypoint());
    columns.put("memory", container.memoryMb());
    columns.put("cpuShares", container.cpuShares());
    columns.put("privileged", container.privileged());
    columns.put("autorestart", container.autorestart().name());
    columns.put("autoreplace", container.autoreplace().name());
    columns.put("autodestroy", container.autodestroy().name());
    columns.put("sequential", container.sequential());
    columns.put("roles", String.join(",", container.roles()));
    jdbc.sql("""
            INSERT INTO service (name, uuid, display_name, origin, networking, state, repository, tag, digest,
                                 replicas, port, health_path, regression_image, credentials, run_command, entrypoint,
                                 memory_mb, cpu_shares, privileged, autorestart, autoreplace, autodestroy,
                                 sequential_deployment, roles, runtime, created_at, updated_at)
            VALUES (:name, :uuid, :displayName, 'api', :networking, 'Init', :repository, :tag, :digest,
                    :replicas, 0, :healthPath, :regressionImage, :credentials, :runCommand, :entrypoint,
                    :memory, :cpuShares, :privileged, :autorestart, :autoreplace, :autodestroy,
                    :sequential, :roles, :runtime, :now, :now)""")
        .params(columns)
        .update();
    replaceEnv(uniqueName, service.env());
    List<PortSpec> ports = container.ports();
    for (int i = 0; i < ports.size(); i++) {
      PortSpec port = ports.get(i);
      jdbc.sql("""
              INSERT INTO service_port (service, position, inner_port, outer_port, protocol, published)
              VALUES (:service, :position, :inner, :outer, :protocol, :published)""")
          .param("service", uniqueName)
          .param("position", i)
          .param("inner", port.inner())
          .param("outer", port.outer())
          .param("protocol", port.protocol())
          .param("published", port.published())
          .update();
    }
    for (ServiceLink link : container.links()) {
      jdbc.sql("INSERT INTO service_link (service, to_service, name) VALUES (:service, :to, :name)")
          .param("service", uniqueName)
          .param("to", link.toService())
          .param("name", link.name())
          .update();
    }
    replaceTags(uniqueName, tags);
    return record(uniqueName).orElseThrow();
  }

  private String freeName(String baseName) {
    Set<String> taken = new HashSet<>(jdbc.sql("SELECT name FROM service WHERE name = :base OR name LIKE :prefix")
        .param("base", baseName)
        .param("prefix", baseName + "-%")
        .query(String.class)
        .list());
    if (!taken.contains(baseName)) {
      return baseName;
    }
    int suffix = 2;
    while (taken.contains(baseName + "-" + suffix)) {
      suffix++;
    }
    return baseName + "-" + suffix;
  }

  /** Tutum's PATCH of {@code tags}: the new labels replace the old ones. */
  @Transactional
  /** Services meant to run that autoreplace or autodestroy containers that stop: few, read one by one. */
  public List<ServiceRecord> runningWithStopPolicies() {
    return jdbc.sql("""
            SELECT name FROM service
             WHERE state = 'Running' AND (autoreplace <> 'OFF' OR autodestroy <> 'OFF') ORDER BY name""")
        .query(String.class)
        .list()
        .stream()
        .flatMap(name -> record(name).stream())
        .toList();
  }

  /** Both ends of every link from or to the service, by the services' uuids. */
  public List<LinkEnds> linksOf(String uniqueName) {
    return jdbc.sql("""
            SELECT l.name, f.uuid AS from_uuid, t.uuid AS to_uuid
              FROM service_link l JOIN service f ON f.name = l.service JOIN service t ON t.name = l.to_service
             WHERE l.service = :name OR l.to_service = :name
             ORDER BY f.created_at, l.name""")
        .param("name", uniqueName)
        .query((rs, i) -> new LinkEnds(rs.getString("name"), rs.getObject("from_uuid", UUID.class),
            rs.getObject("to_uuid", UUID.class)))
        .list();
  }

  /** One of Tutum's links, as its two services' ids. */
  public record LinkEnds(String name, UUID fromService, UUID toService) {}

  public void replaceTags(String uniqueName, List<String> tags) {
    jdbc.sql("DELETE FROM service_tag WHERE service = :name").param("name", uniqueName).update();
    for (String tag : new java.util.LinkedHashSet<>(tags)) {
      jdbc.sql("INSERT INTO service_tag (service, tag) VALUES (:name, :tag)")
          .param("name", uniqueName)
          .param("tag", tag)
          .update();
    }
  }

  public void recordVersion(String name, String tag, String digest) {
    jdbc.sql("""
            UPDATE service SET tag = :tag, digest = :digest, updated_at = :now, deployed_at = :now,
                   state = CASE WHEN state IN ('Init', 'Stopped') THEN 'Running' ELSE state END
             WHERE name = :name""")
        .param("tag", tag)
        .param("digest", digest)
        .param("now", now())
        .param("name", name)
        .update();
  }

  /**
   * Records the state a service's workflow entered, and the date Tutum shows for it: entering
   * {@code Running} from a start sets {@code started_datetime}, {@code Stopped} sets
   * {@code stopped_datetime}, {@code Terminated} sets {@code destroyed_datetime}.
   */
  public void recordState(String uniqueName, ServiceState state, boolean started) {
    String date = switch (state) {
      case RUNNING -> started ? ", started_at = :now" : "";
      case STOPPED -> ", stopped_at = :now";
      case TERMINATED -> ", destroyed_at = :now";
      default -> "";
    };
    jdbc.sql("UPDATE service SET state = :state, updated_at = :now" + date + " WHERE name = :name")
        .param("state", state.label())
        .param("now", now())
        .param("name", uniqueName)
        .update();
  }

  public void recordReplicas(String uniqueName, int target) {
    jdbc.sql("UPDATE service SET replicas = :target, updated_at = :now WHERE name = :name")
        .param("target", target)
        .param("now", now())
        .param("name", uniqueName)
        .update();
  }

  /** Host ports that published ports of services not terminated hold, by service. */
  public Map<Integer, String> publishedOuterPorts() {
    Map<Integer, String> ports = new HashMap<>();
    jdbc.sql("""
            SELECT p.outer_port, s.name FROM service_port p JOIN service s ON s.name = p.service
             WHERE p.outer_port IS NOT NULL AND p.published AND s.state <> 'Terminated'""")
        .query(rs -> {
          ports.put(rs.getInt(1), rs.getString(2));
        });
    return ports;
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
    columns.put("runtime", service.runtime().spelling());
    columns.put("now", now());
    return columns;
  }

  private void replaceEnv(String service, Map<String, String> env) {
    jdbc.sql("DELETE FROM service_env WHERE service = :name").param("name", service).update();
    env.forEach((key, value) -> jdbc
        .sql("INSERT INTO service_env (service, name, val) VALUES (:service, :name, :val)")
        .param("service", service)
        .param("name", key)
        .param("val", value)
        .update());
  }

  /** What lives in the service's side tables, of these services or of all when {@code services} is null. */
  private record Details(
      Map<String, Map<String, String>> env,
      Map<String, List<PortSpec>> ports,
      Map<String, List<ServiceLink>> links,
      Map<String, List<String>> tags) {}

  private Details details(List<String> services) {
    Map<String, Map<String, String>> env = new HashMap<>();
    query("SELECT service, name, val FROM service_env", "name", services, rs -> env
        .computeIfAbsent(rs.getString("service"), k -> new LinkedHashMap<>()).put(rs.getString("name"), rs.getString("val")));
    Map<String, List<PortSpec>> ports = new HashMap<>();
    query("SELECT * FROM service_port", "service, position", services, rs -> ports
        .computeIfAbsent(rs.getString("service"), k -> new ArrayList<>())
        .add(new PortSpec(rs.getInt("inner_port"), (Integer) rs.getObject("outer_port"), rs.getString("protocol"),
            rs.getBoolean("published"))));
    Map<String, List<ServiceLink>> links = new HashMap<>();
    query("SELECT * FROM service_link", "service, name", services, rs -> links
        .computeIfAbsent(rs.getString("service"), k -> new ArrayList<>())
        .add(new ServiceLink(rs.getString("name"), rs.getString("to_service"))));
    Map<String, List<String>> tags = new HashMap<>();
    query("SELECT service, tag FROM service_tag", "service, tag", services, rs -> tags
        .computeIfAbsent(rs.getString("service"), k -> new ArrayList<>()).add(rs.getString("tag")));
    return new Details(env, ports, links, tags);
  }

  private interface RowHandler {
    void handle(ResultSet rs) throws SQLException;
  }

  private void query(String select, String order, List<String> services, RowHandler handler) {
    if (services == null) {
      jdbc.sql(select + " ORDER BY " + order).query(handler::handle);
    } else {
      jdbc.sql(select + " WHERE service IN (:services) ORDER BY " + order).param("services", services)
          .query(handler::handle);
    }
  }

  private static ServiceRecord row(ResultSet rs, Details details) throws SQLException {
    String name = rs.getString("name");
    boolean fromFile = "file".equals(rs.getString("origin"));
    String roles = rs.getString("roles");
    ContainerSettings container = new ContainerSettings(
        "bridge".equals(rs.getString("networking")) ? Networking.BRIDGE : Networking.HOST,
        details.ports().getOrDefault(name, List.of()),
        rs.getString("run_command"),
        rs.getString("entrypoint"),
        (Integer) rs.getObject("memory_mb"),
        (Integer) rs.getObject("cpu_shares"),
        rs.getBoolean("privileged"),
        CrashPolicy.parse(rs.getString("autorestart")).orElse(CrashPolicy.OFF),
        CrashPolicy.parse(rs.getString("autoreplace")).orElse(CrashPolicy.OFF),
        CrashPolicy.parse(rs.getString("autodestroy")).orElse(CrashPolicy.OFF),
        fromFile || rs.getBoolean("sequential_deployment"),
        roles == null || roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")),
        details.links().getOrDefault(name, List.of()));
    UUID uuid = rs.getObject("uuid", UUID.class);
    ServiceDefinition definition = new ServiceDefinition(
        name,
        rs.getString("repository"),
        rs.getString("tag"),
        rs.getString("digest"),
        rs.getInt("replicas"),
        rs.getInt("port"),
        rs.getString("health_path"),
        details.env().getOrDefault(name, Map.of()),
        rs.getString("regression_image"),
        rs.getString("credentials"),
        uuid,
        container,
        RuntimeKind.parse(rs.getString("runtime")));
    return new ServiceRecord(
        uuid,
        rs.getString("display_name"),
        fromFile,
        ServiceState.parse(rs.getString("state")).orElse(ServiceState.INIT),
        definition,
        details.tags().getOrDefault(name, List.of()),
        StoreColumns.instant(rs, "created_at"),
        StoreColumns.instant(rs, "deployed_at"),
        StoreColumns.instant(rs, "started_at"),
        StoreColumns.instant(rs, "stopped_at"),
        StoreColumns.instant(rs, "destroyed_at"));
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }
}
