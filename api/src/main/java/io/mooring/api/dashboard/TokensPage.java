package io.mooring.api.dashboard;

import io.mooring.api.common.security.Caller;
import io.mooring.api.common.security.PipelineToken;
import io.mooring.api.common.security.PipelineTokens;
import io.mooring.api.common.security.Role;
import io.swagger.v3.oas.annotations.Hidden;
import java.security.Principal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Pipeline tokens, for admins: who has one, of which role; create and revoke through the API. Only
 * the revocations the API allows are offered: never the last admin token, nor the caller's own.
 */
@Controller
@Hidden
class TokensPage {

  private final PipelineTokens tokens;

  TokensPage(PipelineTokens tokens) {
    this.tokens = tokens;
  }

  @GetMapping("/ui/tokens")
  String tokens(Model model, Principal principal) {
    List<PipelineToken> all = tokens.all();
    model.addAttribute("tokens", all);
    model.addAttribute("kept", whyKept(all, Caller.of(principal)));
    model.addAttribute("roles", Arrays.stream(Role.values()).map(Role::label).toList());
    return "tokens";
  }

  /** The live tokens the API would not revoke, by name, with the reason. */
  static Map<String, String> whyKept(List<PipelineToken> all, Caller caller) {
    List<PipelineToken> liveAdmins = all.stream().filter(t -> !t.revoked() && t.role() == Role.ADMIN).toList();
    Map<String, String> kept = new HashMap<>();
    if (liveAdmins.size() == 1) {
      kept.put(liveAdmins.get(0).name(), DashboardSentences.lastAdminToken());
    }
    if (caller.kind() == Caller.Kind.PIPELINE) {
      all.stream().filter(t -> !t.revoked() && t.name().equals(caller.name())).findFirst()
          .ifPresent(own -> kept.put(own.name(), DashboardSentences.ownToken()));
    }
    return kept;
  }
}
