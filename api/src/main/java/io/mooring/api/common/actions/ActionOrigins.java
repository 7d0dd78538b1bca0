package io.mooring.api.common.actions;

import io.mooring.activities.actions.ActionOrigin;
import io.mooring.api.common.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;

/** What Tutum's Action object keeps of the request that asked for it, for every face that starts one. */
public final class ActionOrigins {

  private ActionOrigins() {}

  /** @param body the request's body as the caller sent it; null when it had none */
  public static ActionOrigin of(HttpServletRequest http, Principal principal, String body) {
    Caller caller = Caller.of(principal);
    return new ActionOrigin(http.getMethod(), http.getRequestURI(), http.getHeader("User-Agent"),
        http.getRemoteAddr(), body, caller.name(), caller.kind().label(), true);
  }
}
