package io.mooring.api.dashboard;

import io.mooring.workflows.gate.GateClient;
import io.mooring.workflows.gate.GateState;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The deployment gate in words: whether the switch is on or off and why, whether the lock is free
 * or held by which deployment, who waits, and what saving the switch would do. Harmony's
 * {@code /service-deployments-state} reads a held lock as {@code enabled: false}; this page does
 * not, since a deployment that merely runs is no outage.
 */
@Controller
@Hidden
class GatePage {

  private final GateClient gate;

  GatePage(GateClient gate) {
    this.gate = gate;
  }

  @GetMapping("/ui/gate")
  String gate(Model model) {
    GateState state = gate.state();
    model.addAttribute("gate", state);
    model.addAttribute("view", View.of(state));
    return "gate";
  }

  /**
   * @param switchedOn the admin's switch: on while the gate is open or a deployment holds it
   * @param holder the deployment that holds the lock, or null when it is free
   * @param why the reason the switch is as it is; null while a deployment holds the lock
   * @param saving what saving the form would do, in words
   */
  record View(boolean switchedOn, String holder, String why, String saving) {

    static View of(GateState state) {
      if (state.holder() != null) {
        return new View(true, state.holder(), null, DashboardSentences.savingWhileHeld());
      }
      return state.enabled()
          ? new View(true, null, state.message(), DashboardSentences.savingWhileOpen())
          : new View(false, null, state.message(), DashboardSentences.savingWhileOff());
    }

    public String holderHref() {
      return holder == null ? null : "/ui/deployments/" + holder;
    }
  }
}
