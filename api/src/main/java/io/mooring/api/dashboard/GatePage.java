package io.mooring.api.dashboard;

import io.mooring.workflows.gate.GateClient;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The deployment gate: whether deployments may run and why, who holds the lock, who waits; the switch for admins. */
@Controller
@Hidden
class GatePage {

  private final GateClient gate;

  GatePage(GateClient gate) {
    this.gate = gate;
  }

  @GetMapping("/ui/gate")
  String gate(Model model) {
    model.addAttribute("gate", gate.state());
    return "gate";
  }
}
