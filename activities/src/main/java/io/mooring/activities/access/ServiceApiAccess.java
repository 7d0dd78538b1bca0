package io.mooring.activities.access;

import java.util.Map;

/**
 * What Tutum's {@code global} role gives a service's containers: a read-only token for Mooring's
 * API and the API's address, as environment variables Tutum's own clients read. The token is made
 * the first time a container needs it and serves every container the service starts after, until
 * the service is terminated. Mooring's security lives above the activities, so this is the port
 * through which a container start asks for it.
 */
public interface ServiceApiAccess {

  /** The role that asks for it, as Tutum spells it. */
  String GLOBAL = "global";

  /** The name a bridged container reaches this machine by (Docker's own, given as an extra host). */
  String HOST_ALIAS = "host.docker.internal";

  /** {@code TUTUM_AUTH}, {@code TUTUM_REST_HOST} and {@code TUTUM_BASE_URL} for the service's containers. */
  Map<String, String> environment(String service);

  /** The service's token stops working; nothing happens when it has none. */
  void revoke(String service);
}
