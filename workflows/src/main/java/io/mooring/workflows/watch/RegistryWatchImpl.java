package io.mooring.workflows.watch;

import io.mooring.activities.TaskQueues;
import io.mooring.activities.registry.TagPollActivities;
import io.mooring.activities.registry.TagPollActivities.PollDue;
import io.mooring.activities.registry.TagPollActivities.PollReport;
import io.mooring.workflows.watch.AutoDeployActivities.AutoDeploy;
import io.mooring.workflows.watch.AutoDeployActivities.PlanAutoDeploys;
import io.mooring.workflows.watch.AutoDeployActivities.StartAutoDeploy;
import io.mooring.workflows.watch.AutoDeployActivities.Started;
import io.mooring.workflows.watch.NotifyActivities.CollectNotifications;
import io.mooring.workflows.watch.NotifyActivities.DeliverNotifications;
import io.mooring.workflows.watch.NotifyActivities.Delivered;
import io.mooring.workflows.watch.WatchState.WatchPhase;
import io.temporal.spring.boot.WorkflowImpl;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
  static final int MOST_NOTIFICATIONS_PER_CYCLE = 100;
  /** Longest sleep: a service created meanwhile is read within this time even if nobody wakes the watcher. */
  static final Duration LONGEST_SLEEP = Duration.ofSeconds(10);
  /** The history is renewed (continue-as-new) after this many cycles. */
  static final int CYCLES_PER_RUN = 100;

  private final TagPollActivities registries =
      Workflow.newActivityStub(TagPollActivities.class, WatchTimeouts.cycleReads());
  private final AutoDeployActivities autoDeploys =
      Workflow.newActivityStub(AutoDeployActivities.class, WatchTimeouts.reconcile());
  private final NotifyActivities notifications = Workflow.newActivityStub(NotifyActivities.class,
      WatchTimeouts.deliverNotifications(), Map.of("NotifyCollect", WatchTimeouts.collectNotifications()));

  private WatchState state = WatchState.initial();
  private boolean woken;
  /** Webhooks go out beside the cycles: a receiver that is slow or down never holds a deployment back. */
  private Promise<Delivered> delivery;

  @Override
  public void watch(WatchState initial) {
    state = initial;
    for (int cycle = 1; ; cycle++) {
      state = state.entering(WatchPhase.POLLING);
      PollReport report = readDueRepositories();
      state = state.entering(WatchPhase.RECONCILING);
      int started = deployWhatPoliciesWant();
      notifyReceivers();
      state = state.cycleDone(report.polled(), started);
      if (cycle >= CYCLES_PER_RUN || Workflow.getInfo().isContinueAsNewSuggested()) {
        Workflow.await(() -> Workflow.isEveryHandlerFinished() && (delivery == null || delivery.isCompleted()));
        Workflow.continueAsNew(state);
      }
      sleepUntil(report.nextDueAt());
    }
  }

  private PollReport readDueRepositories() {
    PollReport cycle = registries.pollDue(new PollDue(READS_PER_ACTIVITY));
    for (int more = 1; cycle.more() && more < MOST_READ_ACTIVITIES; more++) {
      PollReport next = registries.pollDue(new PollDue(READS_PER_ACTIVITY));
      cycle = new PollReport(cycle.polled() + next.polled(), cycle.changed() + next.changed(),
          cycle.failed() + next.failed(), next.more(), next.nextDueAt());
    }
    return cycle;
  }

  /**
   * Each deployment's id is drawn in the workflow, so a retried start names the same deployment. A
   * refused start records nothing, so the refusal is remembered here instead, for a while.
   */
  private int deployWhatPoliciesWant() {
    Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
    state.refusedUntil().values().removeIf(until -> !until.isAfter(now));
    int started = 0;
    PlanAutoDeploys planning = new PlanAutoDeploys(MOST_DEPLOYS_PER_CYCLE, List.copyOf(state.refusedUntil().keySet()));
    for (AutoDeploy candidate : autoDeploys.plan(planning).deploys()) {
      Started start = autoDeploys.start(new StartAutoDeploy(Workflow.randomUUID(), candidate));
      Duration refusedFor = WatchTimeouts.afterRefusal(start.verdict());
      if (!refusedFor.isZero()) {
        state.refusedUntil().put(candidate.service(), now.plus(refusedFor));
      } else if (WatchTimeouts.started(start.verdict())) {
        started++;
      }
    }
    return started;
  }

  private void notifyReceivers() {
    notifications.collect(new CollectNotifications(MOST_NOTIFICATIONS_PER_CYCLE));
    if (delivery == null || delivery.isCompleted()) {
      delivery = Async.function(notifications::deliver, new DeliverNotifications(MOST_NOTIFICATIONS_PER_CYCLE));
    }
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
  public WatchState state() {
    return state;
  }
}
