package io.mooring.activities.services;

/**
 * One of Tutum's container ports.
 *
 * @param outer the host port to publish on; null lets the engine pick a free one for each container
 * @param published whether it is published on the host; unpublished ports are reached through links
 */
public record PortSpec(int inner, Integer outer, String protocol, boolean published) {

  /** Tutum's {@code port_name}: the IANA service name of well-known ports, else empty. */
  public String portName() {
    return switch (inner) {
      case 21 -> "ftp";
      case 22 -> "ssh";
      case 25 -> "smtp";
      case 53 -> "domain";
      case 80 -> "http";
      case 443 -> "https";
      case 3306 -> "mysql";
      case 5432 -> "postgresql";
      case 6379 -> "redis";
      case 8080 -> "http-alt";
      case 27017 -> "mongodb";
      default -> "";
    };
  }
}
