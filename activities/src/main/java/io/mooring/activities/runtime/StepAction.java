package io.mooring.activities.runtime;

/**
 * What a step of a rollout does. The runtime that planned the step carries it out; a workflow only
 * takes the steps in their order and watches those not done at once.
 */
public enum StepAction {
  /** Makes sure the image is where replicas start: looked for when taken, pulled while watched. */
  PULL,
  /** Starts one new replica: taken with a quick look at its health, watched until it is healthy. */
  START,
  /** Stops one old replica, kept for a rollback until the deployment ends. */
  STOP_OLD,
  /** Puts things back as they were: the new replicas go, the old ones that ran run again. */
  RESTORE,
  /** Removes the old replicas once the new ones are in place for good. */
  CLEAN_UP,
  /** Removes replicas a lifecycle action takes away: extra ones, or a stopped one being replaced. */
  REMOVE,
  /**
   * States the whole service to a runtime that places and keeps its instances itself: taken by
   * handing it the service, watched until its instances run as stated.
   */
  CONVERGE
}
