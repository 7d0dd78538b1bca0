package io.mooring.activities.runtime;

/** What a lifecycle action wants of a service's replicas; the service's runtime plans the steps. */
public enum ChangeWanted {
  /** Every replica up to the service's target runs: stopped ones start, missing ones are made, extra ones go. */
  RUN_TARGET,
  /** The service has its target: missing ones are made, the newest extra ones go, stopped ones stay stopped. */
  SCALE_TO_TARGET,
  /** The named replica runs. */
  RUN_ONE,
  /** The named replica, which stopped, goes, and a new one of its number takes its place. */
  REPLACE_ONE
}
