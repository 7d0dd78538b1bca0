package io.mooring.activities.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mooring.activities.services.ContainerSettings;
import io.mooring.activities.services.Networking;
import io.mooring.activities.services.RuntimeKind;
import io.mooring.activities.services.ServiceDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Swarm's plans for lifecycle actions: the whole service stated once, then watched. */
class WholeServiceTest {

  @Test
  void startStatesTheWholeServiceInOneStepThatStandsForEachOfItsReplicas() {
    List<Replica> had = List.of(new Replica("web.1.abc", 1, 0, true));

    ChangePlan plan = WholeService.plan(service(3), had, ChangeWanted.RUN_TARGET);

    assertThat(plan.had()).isEqualTo(had);
    assertThat(plan.stages()).singleElement().satisfies(stage -> assertThat(stage).singleElement()
        .satisfies(step -> assertThat(step.action()).isEqualTo(StepAction.CONVERGE)));
    assertThat(plan.brought()).extracting(Replica::index).containsExactly(1, 2, 3);
    assertThat(plan.stages().get(0).get(0).awaits()).isEqualTo("Waiting for 3 replica(s) of web to run");
  }

  @Test
  void scalingStatesTheServiceWithItsNewTargetAsAStartDoes() {
    ChangePlan plan = WholeService.plan(service(5), List.of(), ChangeWanted.SCALE_TO_TARGET);

    assertThat(plan.brought()).hasSize(5);
  }

  @Test
  void refusesToStartOrReplaceOneContainerWhichSwarmDoesItself() {
    assertThatThrownBy(() -> WholeService.plan(service(2), List.of(), ChangeWanted.REPLACE_ONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("web runs on swarm, which starts and replaces its containers itself");
  }

  private static ServiceDefinition service(int replicas) {
    ContainerSettings bridged = new ContainerSettings(Networking.BRIDGE, List.of(), null, null, null, null, false,
        null, null, null, false, List.of(), List.of());
    return new ServiceDefinition("web", "10.213.77.1:5002/demo/web", "1.0.0", "sha256:10", replicas, 0, null,
        Map.of(), null, null, null, bridged, RuntimeKind.SWARM);
  }
}
