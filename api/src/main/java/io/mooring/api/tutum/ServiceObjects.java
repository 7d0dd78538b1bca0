package io.mooring.api.tutum;

import io.mooring.activities.actions.ActionStore;
import io.mooring.activities.runtime.ContainerRuntime;
import io.mooring.activities.runtime.ServiceRuntime;
import io.mooring.activities.runtime.ContainerStatus;
import io.mooring.activities.runtime.LinkVariables;
import io.mooring.activities.runtime.RuntimeUnavailableException;
import io.mooring.activities.services.ContainerSettings;
import io.mooring.activities.services.RuntimeKind;
import io.mooring.activities.services.ServiceDefinition;
import io.mooring.activities.services.ServiceRecord;
import io.mooring.activities.services.ServiceState;
import io.mooring.activities.services.ServiceStore;
import io.mooring.api.common.links.PublicLinks;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Builds Tutum's Service objects from the records and from what the engine runs now: a service's
 * state, container counts and link variables are read, never assumed.
 */
@Component
class ServiceObjects {

  static final String SERVICES = "/api/v1/service/";
  static final String CONTAINERS = "/api/v1/container/";
  static final String ACTIONS = "/api/v1/action/";
  /** A service's containers in order: by their number, then by name (old and new during a rollout). */
  static final Comparator<ContainerStatus> BY_NUMBER =
      Comparator.comparingInt(ContainerStatus::number).thenComparing(ContainerStatus::name);
  /** The newest actions a service object lists. */
  private static final int ACTIONS_SHOWN = 25;

  private final ContainerRuntime engine;
  private final ServiceRuntime wholeServices;
  private final ActionStore actions;
  private final PublicLinks links;
  private final ServiceStore services;

  ServiceObjects(ContainerRuntime engine, ServiceRuntime wholeServices, ActionStore actions, PublicLinks links,
      ServiceStore services) {
    this.wholeServices = wholeServices;
    this.services = services;
    this.engine = engine;
    this.actions = actions;
    this.links = links;
  }

  /** A service with its containers, as one engine read. */
  record Observed(ServiceRecord record, List<ContainerStatus> containers) {
    ServiceState state() {
      int running = (int) containers.stream().filter(ContainerStatus::running).count();
      return ServiceState.observed(record.state(), record.definition().replicas(), running);
    }
  }

  /**
   * The services with their containers; the engine is asked once, and only if one may have any. The
   * containers of a service on Swarm are its tasks, asked of the manager service by service.
   */
  List<Observed> observe(List<ServiceRecord> records) {
    List<ServiceRecord> onTheEngine = records.stream().filter(r -> r.definition().runtime() == RuntimeKind.ENGINE)
        .filter(ServiceObjects::mayRun).toList();
    // One service: only its containers; several: every replica, once.
    Map<String, List<ContainerStatus>> byService = new HashMap<>(onTheEngine.isEmpty() ? Map.of()
        : (records.size() == 1 ? engine.replicasOf(records.get(0).uniqueName()) : engine.replicas()).stream()
            .collect(Collectors.groupingBy(ContainerStatus::service)));
    records.stream().filter(r -> r.definition().runtime() == RuntimeKind.SWARM).filter(ServiceObjects::mayRun)
        .forEach(r -> byService.put(r.uniqueName(), wholeServices.instancesOf(r.uniqueName())));
    return records.stream()
        .map(r -> new Observed(r, byService.getOrDefault(r.uniqueName(), List.of()).stream()
            .sorted(BY_NUMBER)
            .toList()))
        .toList();
  }

  private static boolean mayRun(ServiceRecord record) {
    return record.state() != ServiceState.INIT && record.state() != ServiceState.TERMINATED;
  }

  Observed observe(ServiceRecord record) {
    return observe(List.of(record)).get(0);
  }

  /**
   * For the answer to an action already taken in: the engine being away must not turn that answer
   * into an error, so the service is shown in its state with the containers left out.
   */
  Observed observeAfterAction(ServiceRecord record) {
    try {
      return observe(record);
    } catch (RuntimeUnavailableException engineAway) {
      return new Observed(record, List.of());
    }
  }

  ServiceObject toObject(Observed observed) {
    ServiceRecord record = observed.record();
    ServiceDefinition service = record.definition();
    ContainerSettings container = service.container();
    List<ContainerStatus> containers = observed.containers();
    int running = (int) containers.stream().filter(ContainerStatus::running).count();
    String uri = SERVICES + record.uuid() + "/";
    return new ServiceObject(
        record.uuid().toString(),
        uri,
        service.repository() + ":" + service.tag(),
        "/api/v1/image/" + service.repository() + "/tag/" + service.tag() + "/",
        service.digest(),
        record.displayName(),
        record.uniqueName(),
        observed.state().label(),
        TutumDates.format(record.deployedAt()),
        TutumDates.format(record.startedAt()),
        TutumDates.format(record.stoppedAt()),
        TutumDates.format(record.destroyedAt()),
        service.replicas(),
        containers.size(),
        running,
        (int) containers.stream().filter(ContainerStatus::exited).count(),
        containers.stream().map(c -> CONTAINERS + containerUuid(c.name()) + "/").toList(),
        container.ports().stream().map(p -> new ServiceObject.Port(p.inner(), p.outer(), p.portName(), p.protocol(),
            p.published())).toList(),
        service.env().entrySet().stream().map(e -> new ServiceObject.EnvVar(e.getKey(), e.getValue())).toList(),
        container.entrypoint() == null ? "" : container.entrypoint(),
        container.runCommand() == null ? "" : container.runCommand(),
        container.sequential(),
        container.cpuShares(),
        container.memoryMb(),
        linked(record, true),
        linked(record, false),
        container.autorestart().name(),
        container.autoreplace().name(),
        container.autodestroy().name(),
        container.roles(),
        actions.idsOf(record.uniqueName(), ACTIONS_SHOWN).stream().map(id -> ACTIONS + id + "/").toList(),
        linkVariables(record, containers),
        container.privileged(),
        record.tags().stream().map(ServiceObject.Tag::new).toList(),
        service.healthPath(),
        service.regressionImage(),
        service.credentials());
  }

  /** The variables a service linking to this one gets, and where Tutum's API answers for it. */
  private Map<String, String> linkVariables(ServiceRecord record, List<ContainerStatus> containers) {
    String prefix = LinkVariables.prefix(record.uniqueName());
    Map<String, String> variables = new LinkedHashMap<>(LinkVariables.of(prefix, record.definition(), containers));
    variables.put(prefix + "_TUTUM_API_URL", links.root() + SERVICES + record.uuid() + "/");
    return variables;
  }

  /** Tutum's links of the service: those it makes ({@code to}) and those made to it ({@code from}). */
  private List<ServiceObject.Link> linked(ServiceRecord record, boolean from) {
    return services.linksOf(record.uniqueName()).stream()
        .filter(link -> (from ? link.toService() : link.fromService()).equals(record.uuid()))
        .map(link -> new ServiceObject.Link(link.name(), SERVICES + link.fromService() + "/",
            SERVICES + link.toService() + "/"))
        .toList();
  }

  /** A container's Tutum uuid: derived from its name, which is unique and never reused. */
  static UUID containerUuid(String containerName) {
    return UUID.nameUUIDFromBytes(containerName.getBytes(StandardCharsets.UTF_8));
  }


}
