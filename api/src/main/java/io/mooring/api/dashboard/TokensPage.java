package io.mooring.api.dashboard;

import io.mooring.api.common.security.PipelineTokens;
import io.mooring.api.common.security.Role;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Arrays;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Pipeline tokens, for admins: who has one, of which role; create and revoke through the API. */
@Controller
@Hidden
class TokensPage {

  private final PipelineTokens tokens;

  TokensPage(PipelineTokens tokens) {
    this.tokens = tokens;
  }

  @GetMapping("/ui/tokens")
  String tokens(Model model) {
    model.addAttribute("tokens", tokens.all());
    model.addAttribute("roles", Arrays.stream(Role.values()).map(Role::label).toList());
    return "tokens";
  }
}
