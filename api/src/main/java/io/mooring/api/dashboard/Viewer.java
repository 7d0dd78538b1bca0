package io.mooring.api.dashboard;

import io.mooring.api.common.security.Caller;
import io.mooring.api.common.security.Role;
import org.springframework.security.core.Authentication;

/** Who looks at the page, and so which controls it offers: the API refuses the rest anyway. */
public record Viewer(String name, String kind, boolean deployer, boolean admin) {

  static Viewer of(Authentication authentication) {
    if (authentication == null || !authentication.isAuthenticated()
        || "anonymousUser".equals(authentication.getPrincipal())) {
      return null;
    }
    Caller caller = Caller.of(authentication);
    return new Viewer(caller.name(), caller.kind().label(), Role.DEPLOYER.heldBy(authentication),
        Role.ADMIN.heldBy(authentication));
  }

  public String role() {
    return admin ? "admin" : deployer ? "deployer" : "reader";
  }
}
