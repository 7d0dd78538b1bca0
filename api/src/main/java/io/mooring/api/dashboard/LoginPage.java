package io.mooring.api.dashboard;

import io.mooring.api.common.security.DashboardPaths;
import io.mooring.api.common.security.SessionLogin;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The embedded default's login: an API token (a pipeline token, or a JWT of the identity provider)
 * is exchanged for a session; the browser keeps only the session's HttpOnly cookie.
 */
@Controller
@Hidden
class LoginPage {

  private final SessionLogin login;

  LoginPage(SessionLogin login) {
    this.login = login;
  }

  @GetMapping(DashboardPaths.LOGIN)
  String form(@RequestParam(name = "logged-out", required = false) String loggedOut, Model model) {
    model.addAttribute("loggedOut", loggedOut != null);
    return "login";
  }

  @PostMapping(DashboardPaths.LOGIN)
  String logIn(@RequestParam(defaultValue = "") String token, HttpServletRequest request, HttpServletResponse response,
      Model model) {
    if (token.isBlank()) {
      return refused(DashboardSentences.TOKEN_MISSING, response, model);
    }
    try {
      login.logIn(request, token);
      return "redirect:/";
    } catch (AuthenticationException refused) {
      return refused(DashboardSentences.TOKEN_REFUSED, response, model);
    }
  }

  private static String refused(String why, HttpServletResponse response, Model model) {
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    model.addAttribute("error", why);
    model.addAttribute("loggedOut", false);
    return "login";
  }
}
