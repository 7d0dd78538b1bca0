package io.mooring.activities.services;

import java.util.List;

/**
 * How each container of a service is run, beyond its image and environment: Tutum's create
 * parameters. Services of the services file use {@link #hostNetwork()}.
 *
 * @param runCommand overrides the image's command; null keeps it
 * @param entrypoint overrides the image's entrypoint; null keeps it
 * @param memoryMb memory limit in MB; null for none
 * @param cpuShares relative CPU weight; null for the engine's default
 * @param autorestart the engine's restart policy
 * @param autoreplace Mooring replaces a container that stopped
 * @param autodestroy Mooring terminates a container that stopped
 * @param sequential containers are started one after another rather than all at once
 * @param roles Tutum roles: {@code global} gives the containers a read-only Mooring token
 */
public record ContainerSettings(
    Networking networking,
    List<PortSpec> ports,
    String runCommand,
    String entrypoint,
    Integer memoryMb,
    Integer cpuShares,
    boolean privileged,
    CrashPolicy autorestart,
    CrashPolicy autoreplace,
    CrashPolicy autodestroy,
    boolean sequential,
    List<String> roles,
    List<ServiceLink> links) {

  public ContainerSettings {
    networking = networking == null ? Networking.HOST : networking;
    ports = ports == null ? List.of() : List.copyOf(ports);
    autorestart = autorestart == null ? CrashPolicy.OFF : autorestart;
    autoreplace = autoreplace == null ? CrashPolicy.OFF : autoreplace;
    autodestroy = autodestroy == null ? CrashPolicy.OFF : autodestroy;
    roles = roles == null ? List.of() : List.copyOf(roles);
    links = links == null ? List.of() : List.copyOf(links);
  }

  public ContainerSettings withLinks(List<ServiceLink> newLinks) {
    return new ContainerSettings(networking, ports, runCommand, entrypoint, memoryMb, cpuShares, privileged, autorestart,
        autoreplace, autodestroy, sequential, roles, newLinks);
  }

  /** A service of the services file: host network, the image's own command, no policies. */
  public static ContainerSettings hostNetwork() {
    return new ContainerSettings(Networking.HOST, List.of(), null, null, null, null, false, null, null, null, true,
        List.of(), List.of());
  }
}
