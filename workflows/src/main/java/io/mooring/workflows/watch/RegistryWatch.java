package io.mooring.workflows.watch;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The registry watcher, as one long-lived workflow: it reads every repository when it is due,
 * compares what each service's policy wants with what runs, and deploys the difference.
 */
@WorkflowInterface
public interface RegistryWatch {

  String WORKFLOW_ID = "registry-watch";

  @WorkflowMethod
  void watch(WatchState state);

  /** Look again now: an operator changed what a service wants (auto-deploy on, a pin, a reset). */
  @SignalMethod
  void wake();

  @QueryMethod
  WatchState state();
}
