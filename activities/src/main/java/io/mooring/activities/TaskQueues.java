package io.mooring.activities;

/** The task queue every Mooring worker polls; workflows and activities share it. */
public final class TaskQueues {
  public static final String MOORING = "mooring";

  private TaskQueues() {}
}
