package io.mooring.activities.services;

import io.mooring.activities.actions.ActionRecord;
import io.mooring.activities.actions.ActionState;
import io.temporal.activity.ActivityInterface;
import java.util.UUID;

/** The service record and its actions, written by the service's workflow as each action unfolds. */
@ActivityInterface(namePrefix = "ServiceRecord")
public interface ServiceRecordActivities {

  /** The service as stored now: the definition an action carries out. */
  ServiceDefinition definition(LoadService request);

  /** Stores the action as {@code Pending} (once, however often it is retried). */
  void openAction(OpenAction request);

  void enterAction(EnterAction request);

  void log(LogAction request);

  void recordState(RecordState request);

  void recordReplicas(RecordReplicas request);

  /** Records the image a first start pinned, so later containers run exactly that. */
  void recordVersion(RecordVersion request);

  record LoadService(UUID uuid) {}

  record OpenAction(ActionRecord action) {}

  record EnterAction(UUID actionId, ActionState state) {}

  /** @param step a name unique within the action, so a retried write lands once */
  record LogAction(UUID actionId, String step, String line) {}

  /** @param started the service was started by this action: Tutum's {@code started_datetime} moves */
  record RecordState(String service, ServiceState state, boolean started) {}

  record RecordReplicas(String service, int target) {}

  record RecordVersion(String service, String tag, String digest) {}
}
