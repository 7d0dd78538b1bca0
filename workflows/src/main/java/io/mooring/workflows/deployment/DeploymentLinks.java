package io.mooring.workflows.deployment;

import java.util.UUID;

/**
 * Where a deployment's status and log are read, rooted at Mooring's public address. Deployments
 * that Mooring starts on its own (the registry watcher's) carry the same links as those a caller
 * asked for; the web layer knows the address and implements this.
 */
public interface DeploymentLinks {

  String deploymentStatus(UUID deploymentId);

  String deploymentLogs(UUID deploymentId);
}
