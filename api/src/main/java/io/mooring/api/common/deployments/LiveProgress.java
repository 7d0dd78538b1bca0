package io.mooring.api.common.deployments;

import io.mooring.activities.actions.LoggedStep;
import io.mooring.activities.actions.OperationLog;
import io.mooring.activities.deployments.DeploymentRecord;
import io.mooring.activities.deployments.DeploymentStatus;
import io.mooring.activities.runtime.ReplicaSteps;
import io.mooring.activities.services.ServiceDefinition;
import io.mooring.activities.services.ServiceStore;
import io.mooring.workflows.deployment.DeploymentClient;
import io.mooring.workflows.deployment.DeploymentProgress;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Where a running deployment is, on every read. The workflow's Query says it best, but Temporal
 * holds a query while a workflow task is under way, which a container change can stretch to
 * seconds; then the stored record answers: its phase, and the step its log wrote last (a replica's
 * steps are named by {@link ReplicaSteps}, so the replica being rolled is known too).
 */
@Component
public class LiveProgress {

  private final DeploymentClient client;
  private final OperationLog log;
  private final ServiceStore services;

  public LiveProgress(DeploymentClient client, OperationLog log, ServiceStore services) {
    this.client = client;
    this.log = log;
    this.services = services;
  }

  /** Empty for a deployment that ended. */
  public Optional<DeploymentProgress> of(DeploymentRecord record) {
    if (record.status() != DeploymentStatus.RUNNING) {
      return Optional.empty();
    }
    return client.progress(record.id()).or(() -> Optional.of(fromTheRecord(record)));
  }

  private DeploymentProgress fromTheRecord(DeploymentRecord record) {
    int replicas = services.find(record.service()).map(ServiceDefinition::replicas).orElse(0);
    return fromTheRecord(record, log.lastStep(record.id()), replicas);
  }

  /** The progress the stored record and the step its log wrote last tell. */
  static DeploymentProgress fromTheRecord(DeploymentRecord record, Optional<LoggedStep> last, int replicas) {
    int replica = 0;
    if ("rolling-out".equals(record.phase()) && last.isPresent()) {
      replica = Math.min(ReplicaSteps.replicaOf(last.get().step()).orElse(0), replicas);
    }
    return new DeploymentProgress(record.phase(), last.map(LoggedStep::line).orElse(record.message()), replica,
        replicas, record.createdAt(), last.map(LoggedStep::at).orElse(record.updatedAt()));
  }
}
