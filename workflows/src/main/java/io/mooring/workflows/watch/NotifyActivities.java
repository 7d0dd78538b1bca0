package io.mooring.workflows.watch;

import io.temporal.activity.ActivityInterface;

/** The watcher's webhooks: queued once per event, delivered apart from the cycle that found them. */
@ActivityInterface(namePrefix = "Notify")
public interface NotifyActivities {

  /** Queues a notification for each new version of a service and each automatic deployment's outcome. */
  Queued collect(CollectNotifications request);

  /** Posts the notifications that are due; a receiver that does not take one gets it again later. */
  Delivered deliver(DeliverNotifications request);

  record CollectNotifications(int limit) {}

  record Queued(int versions, int outcomes) {}

  record DeliverNotifications(int limit) {}

  record Delivered(int delivered, int failed) {}
}
