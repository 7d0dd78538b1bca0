package io.mooring.api.dashboard;

import io.mooring.api.common.security.DashboardPaths;
import io.mooring.api.common.security.SessionLogin;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login page: through the identity provider (OIDC) when one is registered, and always with an
 * API token (a pipeline token, or a JWT of the identity provider). Either way the server keeps the
 * token in the session; the browser keeps only the session's HttpOnly cookie.
 */
@Controller
@Hidden
class LoginPage {

  private final SessionLogin login;
  private final List<Provider> providers;

  /** A button on the login page: where Spring's OAuth2 login starts for one registration. */
  public record Provider(String name, String href) {}

  LoginPage(SessionLogin login, ObjectProvider<ClientRegistrationRepository> registrations) {
    this.login = login;
    this.providers = providers(registrations.getIfAvailable());
  }

  private static List<Provider> providers(ClientRegistrationRepository registrations) {
    List<Provider> found = new ArrayList<>();
    if (registrations instanceof Iterable<?> all) {
      for (Object each : all) {
        ClientRegistration registration = (ClientRegistration) each;
        found.add(new Provider(registration.getClientName(), "/oauth2/authorization/" + registration.getRegistrationId()));
      }
    }
    return List.copyOf(found);
  }

  @GetMapping(DashboardPaths.LOGIN)
  String form(@RequestParam Map<String, String> flags, Model model) {
    model.addAttribute("loggedOut", flags.containsKey("logged-out"));
    if (flags.containsKey(DashboardPaths.PROVIDER_FAILED)) {
      model.addAttribute("error", DashboardSentences.PROVIDER_FAILED);
    } else if (flags.containsKey(DashboardPaths.PROVIDER_TOKEN_REFUSED)) {
      model.addAttribute("error", DashboardSentences.PROVIDER_TOKEN_REFUSED);
    }
    model.addAttribute("providers", providers);
    return "login";
  }

  @PostMapping(DashboardPaths.LOGIN)
  String logIn(@RequestParam(defaultValue = "") String token, HttpServletRequest request, HttpServletResponse response,
      Model model) {
    if (token.isBlank()) {
      return again(DashboardSentences.TOKEN_MISSING, model);
    }
    try {
      login.logIn(request, token);
      return "redirect:/";
    } catch (SessionLogin.CheckUnavailableException unavailable) {
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      return again(DashboardSentences.LOGIN_UNAVAILABLE, model);
    } catch (AuthenticationException refused) {
      return again(DashboardSentences.TOKEN_REFUSED, model);
    }
  }

  /** A refused form is shown again with its sentence; 200, so the browser logs no failed request. */
  private String again(String why, Model model) {
    model.addAttribute("error", why);
    model.addAttribute("loggedOut", false);
    model.addAttribute("providers", providers);
    return "login";
  }
}
