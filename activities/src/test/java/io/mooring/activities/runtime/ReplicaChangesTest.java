package io.mooring.activities.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.mooring.activities.services.ContainerSettings;
import io.mooring.activities.services.Networking;
import io.mooring.activities.services.ServiceDefinition;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The single engine's plans for lifecycle actions, as the Tutum face's users see them carried out. */
class ReplicaChangesTest {

  private static final UUID ACTION = UUID.fromString("0d3c6f9e-0000-4000-8000-000000000001");

  @Test
  void startRemovesExtrasFirstThenLooksForTheImageThenStartsStoppedAndMissingReplicasSideBySide() {
    List<Replica> had = List.of(replica(1, true), replica(2, false), replica(3, true));

    ChangePlan plan = ReplicaChanges.plan(service(2, false), ACTION, had, ChangeWanted.RUN_TARGET, null);

    assertThat(actions(plan)).containsExactly(List.of(StepAction.REMOVE), List.of(StepAction.PULL),
        List.of(StepAction.START));
    assertThat(plan.stages().get(0).get(0).takesDown()).containsExactly(replica(3, true));
    assertThat(plan.brought()).containsExactly(replica(2, false));
  }

  @Test
  void startMakesTheMissingReplicasNumberedAfterTheHighestAndStartsThemOneByOneWhenTheServiceIsSequential() {
    ChangePlan plan = ReplicaChanges.plan(service(3, true), ACTION, List.of(replica(1, true)), ChangeWanted.RUN_TARGET,
        null);

    assertThat(actions(plan)).containsExactly(List.of(StepAction.PULL), List.of(StepAction.START),
        List.of(StepAction.START));
    assertThat(plan.brought()).extracting(Replica::index).containsExactly(2, 3);
    assertThat(plan.brought()).extracting(Replica::container).allMatch(name -> name.startsWith("web-"));
  }

  @Test
  void startOfAServiceWhoseReplicasAllRunPlansNothing() {
    ChangePlan plan = ReplicaChanges.plan(service(2, false), ACTION, List.of(replica(1, true), replica(2, true)),
        ChangeWanted.RUN_TARGET, null);

    assertThat(plan.stages()).isEmpty();
  }

  @Test
  void scalingDownRemovesTheNewestAndLeavesStoppedReplicasStopped() {
    List<Replica> had = List.of(replica(1, false), replica(2, true), replica(3, true));

    ChangePlan plan = ReplicaChanges.plan(service(1, false), ACTION, had, ChangeWanted.SCALE_TO_TARGET, null);

    assertThat(actions(plan)).containsExactly(List.of(StepAction.REMOVE));
    assertThat(plan.stages().get(0).get(0).takesDown()).containsExactly(replica(2, true), replica(3, true));
  }

  @Test
  void scalingUpAddsOnlyTheMissingReplicas() {
    ChangePlan plan = ReplicaChanges.plan(service(3, false), ACTION, List.of(replica(1, false)),
        ChangeWanted.SCALE_TO_TARGET, null);

    assertThat(plan.brought()).extracting(Replica::index).containsExactly(2, 3);
  }

  @Test
  void replacingAStoppedReplicaRemovesItAndStartsANewOneOfTheSameNumber() {
    List<Replica> had = List.of(replica(1, true), replica(2, false));

    ChangePlan plan = ReplicaChanges.plan(service(2, false), ACTION, had, ChangeWanted.REPLACE_ONE, "web-old-2");

    assertThat(actions(plan)).containsExactly(List.of(StepAction.REMOVE), List.of(StepAction.PULL),
        List.of(StepAction.START));
    assertThat(plan.brought()).singleElement().satisfies(replica -> {
      assertThat(replica.index()).isEqualTo(2);
      assertThat(replica.container()).isNotEqualTo("web-old-2");
    });
  }

  @Test
  void replacingAReplicaThatRunsAgainOrIsGonePlansNothing() {
    List<Replica> had = List.of(replica(1, true));

    assertThat(ReplicaChanges.plan(service(1, false), ACTION, had, ChangeWanted.REPLACE_ONE, "web-old-1").stages())
        .isEmpty();
    assertThat(ReplicaChanges.plan(service(1, false), ACTION, had, ChangeWanted.REPLACE_ONE, "web-old-9").stages())
        .isEmpty();
    assertThat(ReplicaChanges.plan(service(1, false), ACTION, had, ChangeWanted.RUN_ONE, "web-old-9").had())
        .isEqualTo(had);
  }

  @Test
  void startingOneReplicaStartsItWhateverItsState() {
    List<Replica> had = List.of(replica(1, true), replica(2, false));

    ChangePlan plan = ReplicaChanges.plan(service(2, false), ACTION, had, ChangeWanted.RUN_ONE, "web-old-2");

    assertThat(plan.brought()).containsExactly(replica(2, false));
  }

  private static List<List<StepAction>> actions(ChangePlan plan) {
    return plan.stages().stream().map(stage -> stage.stream().map(RolloutStep::action).toList()).toList();
  }

  private static Replica replica(int index, boolean running) {
    return new Replica("web-old-" + index, index, 0, running);
  }

  private static ServiceDefinition service(int replicas, boolean sequential) {
    ContainerSettings bridge = new ContainerSettings(Networking.BRIDGE, List.of(), null, null, null, null, false, null,
        null, null, sequential, List.of(), List.of());
    return new ServiceDefinition("web", "127.0.0.1:5000/demo/web", "1.0.0", "sha256:aa", replicas, 0, null, Map.of(),
        null, null, UUID.randomUUID(), bridge);
  }
}
