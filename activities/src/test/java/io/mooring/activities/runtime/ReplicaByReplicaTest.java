package io.mooring.activities.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The single engine's rollout: never fewer replicas than before, and everything it changed can be put back. */
class ReplicaByReplicaTest {

  private static final String IMAGE = "127.0.0.1:5000/demo/web@sha256:11";

  @Test
  void looksForTheImageThenStartsEachNewReplicaBeforeStoppingAnOldOne() {
    RolloutPlan plan = ReplicaByReplica.plan(IMAGE, List.of(old(1), old(2)), List.of(next(1), next(2)));

    assertThat(plan.rollout()).extracting(RolloutStep::action).containsExactly(StepAction.PULL, StepAction.START,
        StepAction.STOP_OLD, StepAction.START, StepAction.STOP_OLD);
    assertThat(plan.rollout().get(1).brings()).containsExactly(next(1));
    assertThat(plan.rollout().get(2).takesDown()).containsExactly(old(1));
    assertThat(plan.rollout().get(1).says()).isEqualTo("Starting replica 1 of 2");
    assertThat(plan.rollout().get(1).awaits()).isEqualTo("Waiting for replica 1 to become healthy");
  }

  @Test
  void stopsTheOldReplicasBeyondTheNewCountAtTheEnd() {
    RolloutPlan plan = ReplicaByReplica.plan(IMAGE, List.of(old(1), old(2), old(3)), List.of(next(1)));

    assertThat(plan.rollout()).extracting(RolloutStep::action).containsExactly(StepAction.PULL, StepAction.START,
        StepAction.STOP_OLD, StepAction.STOP_OLD, StepAction.STOP_OLD);
    assertThat(plan.rollout().subList(3, 5)).allSatisfy(step -> assertThat(step.replica()).isEqualTo(1));
  }

  @Test
  void restoresTheOldReplicasAndRemovesTheNewOnesOrTheOldOnesOnceItSucceeded() {
    RolloutPlan plan = ReplicaByReplica.plan(IMAGE, List.of(old(1)), List.of(next(1), next(2)));

    assertThat(plan.restore()).singleElement().satisfies(step -> {
      assertThat(step.action()).isEqualTo(StepAction.RESTORE);
      assertThat(step.brings()).containsExactly(old(1));
      assertThat(step.takesDown()).containsExactly(next(1), next(2));
    });
    assertThat(plan.cleanUp()).singleElement().satisfies(step -> assertThat(step.takesDown()).containsExactly(old(1)));
  }

  @Test
  void aFirstDeploymentStillEndsWithItsCleanUpStep() {
    RolloutPlan plan = ReplicaByReplica.plan(IMAGE, List.of(), List.of(next(1)));

    assertThat(plan.cleanUp()).singleElement().satisfies(step -> assertThat(step.takesDown()).isEmpty());
  }

  private static Replica old(int index) {
    return new Replica("web-old-" + index, index, 28000 + index, true);
  }

  private static Replica next(int index) {
    return new Replica("web-new-" + index, index, 28100 + index, false);
  }
}
