package io.mooring.api.dashboard;

import java.security.Principal;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's frame needs: who is logged in. */
@ControllerAdvice(basePackageClasses = DashboardModel.class)
class DashboardModel {

  @ModelAttribute("viewer")
  Viewer viewer(Principal principal) {
    return principal instanceof Authentication authentication ? Viewer.of(authentication) : null;
  }
}
