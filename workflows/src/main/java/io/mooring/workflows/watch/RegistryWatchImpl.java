package io.mooring.workflows.watch;

import io.mooring.activities.TaskQueues;
import io.mooring.activities.registry.TagPollActivities;
import io.mooring.activities.registry.TagPollActivities.PollDue;
import io.mooring.activities.registry.TagPollActivities.PollNow;
import io.mooring.activities.registry.TagPollActivities.PollReport;
import io.mooring.activities.registry.TagPollActivities.PollResult;
import io.mooring.workflows.watch.AutoDeployActivities.AutoDeploy;
import io.mooring.workflows.watch.AutoDeployActivities.PlanAutoDeploys;
import io.mooring.workflows.watch.AutoDeployActivities.StartAutoDeploy;
import io.mooring.workflows.watch.WatchState.WatchPhase;
import io.temporal.spring.boot.WorkflowImpl;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;

/**
 * One cycle: read every repository that is due, then deploy what the policies want and does not
 * run, then sleep until the next repository is due or an operator wakes the watcher. One workflow
 * for every repository, rather than one per repository: a cycle over a thousand repositories is a
 * handful of activities, each reading many registries side by side, instead of a thousand timers,
 * workflow tasks and activities.
 */
@WorkflowImpl(taskQueues = TaskQueues.MOORING)
public class RegistryWatchImpl implements RegistryWatch {

  /** Repositories one read activity takes; more due ones make the next activity of the same cycle. */
  static final int READS_PER_ACTIVITY = 500;
  /** A guard: a cycle never loops on reads longer than this many activities. */
  static final int MOST_READ_ACTIVITIES = 20;
  static final int MOST_DEPLOYS_PER_CYCLE = 100;
  /** Longest sleep: a service created meanwhile is read within this time even if nobody wakes the watcher. */
  static final Duration LONGEST_SLEEP = Duration.ofSeconds(10);
  /** The history is renewed (continue-as-new) after this many cycles. */
  static final int CYCLES_PER_RUN = 100;

  private final TagPollActivities registries =
      Workflow.newActivityStub(TagPollActivities.class, WatchTimeouts.cycleReads());
  private final TagPollActivities onDemand =
      Workflow.newActivityStub(TagPollActivities.class, WatchTimeouts.readOnDemand());
  private final AutoDeployActivities autoDeploys =
      Workflow.newActivityStub(AutoDeployActivities.class, WatchTimeouts.reconcile());

  private WatchState state = WatchState.initial();
  private boolean woken;

  @Override
  public void watch(WatchState initial) {
    state = initial;
    for (int cycle = 1; ; cycle++) {
      state = state.entering(WatchPhase.POLLING);
      PollReport report = readDueRepositories();
      state = state.entering(WatchPhase.RECONCILING);
      int started = deployWhatPoliciesWant();
      state = state.cycleDone(report.polled(), started);
      if (cycle >= CYCLES_PER_RUN || Workflow.getInfo().isContinueAsNewSuggested()) {
        Workflow.await(Workflow::isEveryHandlerFinished);
        Workflow.continueAsNew(state);
      }
      sleepUntil(report.nextDueAt());
    }
  }

  private PollReport readDueRepositories() {
    PollReport report = registries.pollDue(new PollDue(READS_PER_ACTIVITY));
    int polled = report.polled();
    for (int more = 1; report.more() && more < MOST_READ_ACTIVITIES; more++) {
      report = registries.pollDue(new PollDue(READS_PER_ACTIVITY));
      polled += report.polled();
    }
    return new PollReport(polled, report.changed(), report.failed(), report.more(), report.nextDueAt());
  }

  /** Each deployment's id is drawn in the workflow, so a retried start names the same deployment. */
  private int deployWhatPoliciesWant() {
    int started = 0;
    for (AutoDeploy candidate : autoDeploys.plan(new PlanAutoDeploys(MOST_DEPLOYS_PER_CYCLE)).deploys()) {
      autoDeploys.start(new StartAutoDeploy(Workflow.randomUUID(), candidate));
      started++;
    }
    return started;
  }

  private void sleepUntil(Instant nextDue) {
    Duration wait = LONGEST_SLEEP;
    if (nextDue != null) {
      Duration untilDue = Duration.between(Instant.ofEpochMilli(Workflow.currentTimeMillis()), nextDue);
      wait = untilDue.compareTo(wait) < 0 ? untilDue : wait;
    }
    if (!wait.isNegative() && !wait.isZero() && !woken) {
      Workflow.await(wait, () -> woken);
    }
    woken = false;
  }

  @Override
  public void wake() {
    woken = true;
  }

  @Override
  public PollResult fetch(PollNow request) {
    return onDemand.pollNow(request);
  }

  @Override
  public WatchState state() {
    return state;
  }
}
