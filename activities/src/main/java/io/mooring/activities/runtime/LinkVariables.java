package io.mooring.activities.runtime;

import io.mooring.activities.services.PortSpec;
import io.mooring.activities.services.ServiceDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The environment a container linked to a service gets, in the form of Tutum's (and Docker's
 * legacy links'): for each running container of the service (numbered) and for the service (its
 * first container), its address and ports and its environment. On one engine the address is the
 * container's on the bridge: it is what another container reaches, unpublished ports too, where a
 * port published on the host's loopback would not be.
 */
public final class LinkVariables {
  private LinkVariables() {}

  /** The variables' prefix for a link or service name: {@code db-main} becomes {@code DB_MAIN}. */
  public static String prefix(String name) {
    return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
  }

  /** @param containers the service's containers now; only running ones with a bridge address count */
  public static Map<String, String> of(String prefix, ServiceDefinition service, List<ContainerStatus> containers) {
    Map<String, String> variables = new LinkedHashMap<>();
    List<ContainerStatus> reachable = containers.stream().filter(c -> c.running() && c.address() != null).toList();
    for (ContainerStatus container : reachable) {
      variables.putAll(ofContainer(prefix + "_" + container.number(), service, container));
    }
    if (!reachable.isEmpty()) {
      variables.putAll(ofContainer(prefix, service, reachable.get(0)));
    }
    return variables;
  }

  private static Map<String, String> ofContainer(String prefix, ServiceDefinition service, ContainerStatus container) {
    Map<String, String> variables = new LinkedHashMap<>();
    service.env().forEach((key, value) -> variables.put(prefix + "_ENV_" + key, value));
    List<PortSpec> ports = service.container().ports();
    for (int i = 0; i < ports.size(); i++) {
      PortSpec port = ports.get(i);
      String address = port.protocol() + "://" + container.address() + ":" + port.inner();
      if (i == 0) {
        variables.put(prefix + "_PORT", address);
      }
      String name = prefix + "_PORT_" + port.inner() + "_" + port.protocol().toUpperCase(Locale.ROOT);
      variables.put(name, address);
      variables.put(name + "_ADDR", container.address());
      variables.put(name + "_PORT", Integer.toString(port.inner()));
      variables.put(name + "_PROTO", port.protocol());
    }
    return variables;
  }

}
