package io.mooring.api.tutum;

import io.mooring.activities.runtime.ContainerRuntime;
import io.mooring.activities.runtime.ContainerStatus;
import io.mooring.activities.services.ServiceRecord;
import io.mooring.activities.services.ServiceStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The services' containers as the engine reports them, in Tutum's Container object. */
@Component
class ContainerObjects {

  private final ContainerRuntime engine;
  private final ServiceStore services;

  ContainerObjects(ContainerRuntime engine, ServiceStore services) {
    this.engine = engine;
    this.services = services;
  }

  /** A container with the service it belongs to. */
  record Found(ContainerStatus container, ServiceRecord service) {
    String name() {
      return service.uniqueName() + "-" + container.number();
    }
  }

  /** Every replica container the engine has, by service and number. */
  List<Found> all() {
    Map<String, ServiceRecord> byName = services.records(null, null).stream()
        .collect(Collectors.toMap(ServiceRecord::uniqueName, Function.identity()));
    return engine.replicas().stream()
        .filter(c -> byName.containsKey(c.service()))
        .map(c -> new Found(c, byName.get(c.service())))
        .sorted(Comparator.comparing((Found f) -> f.service().uniqueName())
            .thenComparing(Found::container, ServiceObjects.BY_NUMBER))
        .toList();
  }

  /** The containers of one service, by number. */
  List<Found> of(ServiceRecord service) {
    return engine.replicasOf(service.uniqueName()).stream()
        .map(c -> new Found(c, service))
        .sorted(Comparator.comparing(Found::container, ServiceObjects.BY_NUMBER))
        .toList();
  }

  Optional<Found> find(String uuid) {
    return all().stream().filter(f -> ServiceObjects.containerUuid(f.container().name()).toString().equals(uuid))
        .findFirst();
  }

  static String stateOf(ContainerStatus container) {
    return switch (container.state() == null ? "" : container.state()) {
      case "running" -> "Running";
      case "created", "restarting" -> "Starting";
      case "removing" -> "Terminating";
      default -> "Stopped";
    };
  }

  ContainerObject toObject(Found found) {
    ContainerStatus container = found.container();
    boolean stopped = container.exited();
    return new ContainerObject(
        ServiceObjects.containerUuid(container.name()).toString(),
        ServiceObjects.CONTAINERS + ServiceObjects.containerUuid(container.name()) + "/",
        found.name(),
        container.name(),
        stateOf(container),
        container.state(),
        container.image(),
        stopped ? container.exitCode() : null,
        stopped ? exitMessage(container) : null,
        TutumDates.format(container.createdAt()),
        TutumDates.format(container.startedAt()),
        container.ports().stream()
            .map(p -> new ContainerObject.Port(p.inner(), p.outer(), p.protocol(), p.outer() != null))
            .toList(),
        ServiceObjects.SERVICES + found.service().uuid() + "/",
        container.address(),
        container.restarts());
  }

  private static String exitMessage(ContainerStatus container) {
    if (container.error() != null && !container.error().isBlank()) {
      return container.error();
    }
    return container.exitCode() == 0 ? "Exited normally" : "Exited with code " + container.exitCode();
  }
}
