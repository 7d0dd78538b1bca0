package io.mooring.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.mooring.api.common.gate.GateSwitches.GateSwitch;
import io.mooring.workflows.gate.GateState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The gate page says in words how the gate is, who put it so, and what saving the switch would do, for each way it can be. */
class GatePageTest {

  private static final Instant AT = Instant.parse("2026-12-07T10:15:30Z");

  @Test
  void aDeploymentHoldingTheLockIsNoOutage() {
    GatePage.View view = GatePage.View.of(new GateState(false, "Locked for service deployment: http://x/d/42", "42",
        List.of()), Optional.empty());

    assertThat(view.switchedOn()).as("the admin's switch is on").isTrue();
    assertThat(view.by()).isEqualTo("On since Mooring first started: nobody has switched it");
    assertThat(view.at()).isNull();
    assertThat(view.holder()).isEqualTo("42");
    assertThat(view.holderHref()).isEqualTo("/ui/deployments/42");
    assertThat(view.why()).isNull();
    assertThat(view.saving()).startsWith("The lock opens by itself when that deployment ends.");
  }

  @Test
  void anOpenGateIsSwitchedOnAndFree() {
    GatePage.View view = GatePage.View.of(new GateState(true, "Manually enabled", null, List.of()),
        Optional.of(new GateSwitch(true, "Manually enabled", "alice", AT)));

    assertThat(view.switchedOn()).isTrue();
    assertThat(view.holder()).isNull();
    assertThat(view.why()).isEqualTo("Manually enabled");
    assertThat(view.by()).isEqualTo("Switched on by alice");
    assertThat(view.at()).isEqualTo(AT);
    assertThat(view.saving()).startsWith("Saving with the switch off disables deployments");
  }

  @Test
  void aGateSwitchedOffSaysWhyAndThatSavingItOnEnablesDeployments() {
    GatePage.View view = GatePage.View.of(new GateState(false, "Release freeze", null, List.of()),
        Optional.of(new GateSwitch(false, "Release freeze", "bob", AT)));

    assertThat(view.switchedOn()).isFalse();
    assertThat(view.holder()).isNull();
    assertThat(view.why()).isEqualTo("Release freeze");
    assertThat(view.by()).isEqualTo("Switched off by bob");
    assertThat(view.saving()).startsWith("Saving with the switch on enables deployments");
  }

  @Test
  void aSwitchUndoneSinceIsNotNamedAsWhoPutTheGateWhereItIs() {
    // Bob switched off; the gate started afresh (on) since: bob did not switch it on.
    GatePage.View view = GatePage.View.of(new GateState(true, "", null, List.of()),
        Optional.of(new GateSwitch(false, "Release freeze", "bob", AT)));

    assertThat(view.by()).isEqualTo("On since Mooring first started: nobody has switched it");
    assertThat(view.at()).isNull();
  }
}
