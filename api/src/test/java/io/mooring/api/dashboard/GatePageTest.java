package io.mooring.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.mooring.workflows.gate.GateState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gate page says in words how the gate is, and what saving the switch would do, for each way it can be. */
class GatePageTest {

  @Test
  void aDeploymentHoldingTheLockIsNoOutage() {
    GatePage.View view = GatePage.View.of(new GateState(false, "Locked for service deployment: http://x/d/42", "42",
        List.of()));

    assertThat(view.switchedOn()).as("the admin's switch is on").isTrue();
    assertThat(view.holder()).isEqualTo("42");
    assertThat(view.holderHref()).isEqualTo("/ui/deployments/42");
    assertThat(view.why()).isNull();
    assertThat(view.saving()).startsWith("The lock opens by itself when that deployment ends.");
  }

  @Test
  void anOpenGateIsSwitchedOnAndFree() {
    GatePage.View view = GatePage.View.of(new GateState(true, "Manually enabled", null, List.of()));

    assertThat(view.switchedOn()).isTrue();
    assertThat(view.holder()).isNull();
    assertThat(view.why()).isEqualTo("Manually enabled");
    assertThat(view.saving()).startsWith("Saving with the switch off disables deployments");
  }

  @Test
  void aGateSwitchedOffSaysWhyAndThatSavingItOnEnablesDeployments() {
    GatePage.View view = GatePage.View.of(new GateState(false, "Release freeze", null, List.of()));

    assertThat(view.switchedOn()).isFalse();
    assertThat(view.holder()).isNull();
    assertThat(view.why()).isEqualTo("Release freeze");
    assertThat(view.saving()).startsWith("Saving with the switch on enables deployments");
  }
}
