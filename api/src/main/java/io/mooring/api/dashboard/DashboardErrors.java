package io.mooring.api.dashboard;

import io.mooring.api.common.security.DashboardPaths;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The dashboard's refusals as pages, in the frame people know, never the API's JSON. */
@Controller
@Hidden
@ControllerAdvice(basePackageClasses = DashboardErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardErrors {

  @ExceptionHandler(PageNotFound.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound(PageNotFound missing, Model model) {
    model.addAttribute("title", "Not found");
    model.addAttribute("sentence", missing.getMessage());
    return "problem";
  }

  /** Security forwards here when a logged-in person may not see a page or sent a stale form. */
  @RequestMapping(DashboardPaths.FORBIDDEN)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  String forbidden(HttpServletRequest request, Model model) {
    model.addAttribute("title", "Not allowed");
    model.addAttribute("sentence", "csrf".equals(request.getAttribute(DashboardPaths.REFUSAL))
        ? DashboardSentences.FORBIDDEN_CSRF : DashboardSentences.FORBIDDEN_ROLE);
    return "problem";
  }
}
