package io.mooring.activities.services;

/**
 * How a service's containers reach the network. Services of the services file listen on the host
 * network at the port Mooring gives them in {@code PORT}; services created through Tutum's API run
 * on the engine's bridge and publish the ports they declare.
 */
public enum Networking {
  HOST,
  BRIDGE
}
