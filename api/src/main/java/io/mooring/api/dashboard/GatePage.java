package io.mooring.api.dashboard;

import io.mooring.api.common.gate.GateSwitches;
import io.mooring.api.common.gate.GateSwitches.GateSwitch;
import io.mooring.workflows.gate.GateClient;
import io.mooring.workflows.gate.GateState;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The deployment gate in words: whether the switch is on or off, by whom and why, whether the lock is free
 * or held by which deployment, who waits, and what saving the switch would do. Harmony's
 * {@code /service-deployments-state} reads a held lock as {@code enabled: false}; this page does
 * not, since a deployment that merely runs is no outage.
 */
@Controller
@Hidden
class GatePage {

  private final GateClient gate;
  private final GateSwitches switches;

  GatePage(GateClient gate, GateSwitches switches) {
    this.gate = gate;
    this.switches = switches;
  }

  @GetMapping("/ui/gate")
  String gate(Model model) {
    GateState state = gate.state();
    model.addAttribute("gate", state);
    model.addAttribute("view", View.of(state, switches.last()));
    return "gate";
  }

  /**
   * @param switchedOn the admin's switch: on while the gate is open or a deployment holds it
   * @param holder the deployment that holds the lock, or null when it is free
   * @param why the reason the switch is as it is; null while a deployment holds the lock
   * @param by who put the switch where it is, in words
   * @param at when, or null when nobody has switched it
   * @param saving what saving the form would do, in words
   */
  record View(boolean switchedOn, String holder, String why, String by, Instant at, String saving) {

    static View of(GateState state, Optional<GateSwitch> last) {
      boolean on = state.holder() != null || state.enabled();
      // A switch recorded the other way round was undone since (the gate started afresh): not who put it here.
      Optional<GateSwitch> here = last.filter(s -> s.enabled() == on);
      String by = here.map(s -> DashboardSentences.switchedBy(on, s.by()))
          .orElse(on ? DashboardSentences.neverSwitched() : DashboardSentences.switchedByNobodyRecorded());
      Instant at = here.map(GateSwitch::at).orElse(null);
      if (state.holder() != null) {
        return new View(true, state.holder(), null, by, at, DashboardSentences.savingWhileHeld());
      }
      return on
          ? new View(true, null, state.message(), by, at, DashboardSentences.savingWhileOpen())
          : new View(false, null, state.message(), by, at, DashboardSentences.savingWhileOff());
    }

    public String holderHref() {
      return holder == null ? null : "/ui/deployments/" + holder;
    }
  }
}
