package io.mooring.api.dashboard;

import io.grpc.StatusRuntimeException;
import io.mooring.activities.runtime.RuntimeUnavailableException;
import io.mooring.api.common.errors.ApiProblem;
import io.mooring.api.common.errors.HttpProblems;
import io.mooring.api.common.security.DashboardPaths;
import io.swagger.v3.oas.annotations.Hidden;
import io.temporal.client.WorkflowServiceException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The dashboard's refusals and failures as pages, in the frame people know, never the API's JSON:
 * a page about nothing, a path the dashboard does not have, a role that does not reach, a component
 * that is down, or anything unexpected (logged).
 */
@Controller
@Hidden
@ControllerAdvice(basePackageClasses = DashboardErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardErrors {

  private static final Logger log = LoggerFactory.getLogger(DashboardErrors.class);

  @ExceptionHandler(PageNotFound.class)
  String notFound(PageNotFound missing, Principal principal, HttpServletResponse response, Model model) {
    return page(HttpStatus.NOT_FOUND, "Not found", missing.getMessage(), principal, response, model);
  }

  /** Whatever path under /ui no page answers: the more specific mappings always win over this one. */
  @RequestMapping({"/ui", "/ui/**"})
  String noSuchPage(Principal principal, HttpServletResponse response, Model model) {
    return page(HttpStatus.NOT_FOUND, "Not found", DashboardSentences.NO_SUCH_PAGE, principal, response, model);
  }

  /** Security forwards here when a logged-in person may not see a page or sent a stale form. */
  @RequestMapping(DashboardPaths.FORBIDDEN)
  String forbidden(HttpServletRequest request, Principal principal, HttpServletResponse response, Model model) {
    return page(HttpStatus.FORBIDDEN, "Not allowed", "csrf".equals(request.getAttribute(DashboardPaths.REFUSAL))
        ? DashboardSentences.FORBIDDEN_CSRF : DashboardSentences.FORBIDDEN_ROLE, principal, response, model);
  }

  /** Security forwards here when the session's token cannot be checked now: the store or provider is away. */
  @RequestMapping(DashboardPaths.UNAVAILABLE)
  String unavailable(HttpServletResponse response, Model model) {
    return page(HttpStatus.SERVICE_UNAVAILABLE, "Unavailable", DashboardSentences.LOGIN_UNAVAILABLE, null, response,
        model);
  }

  @ExceptionHandler(ApiProblem.class)
  String problem(ApiProblem problem, Principal principal, HttpServletResponse response, Model model) {
    return page(problem.status(), problem.status().getReasonPhrase(), problem.getMessage(), principal, response, model);
  }

  @ExceptionHandler({DataAccessException.class, WorkflowServiceException.class, StatusRuntimeException.class,
      RuntimeUnavailableException.class})
  String componentDown(RuntimeException down, Principal principal, HttpServletResponse response, Model model) {
    log.warn("A dashboard page could not be read: {}", down.getMessage());
    ApiProblem problem = down instanceof DataAccessException ? HttpProblems.databaseUnavailable()
        : down instanceof RuntimeUnavailableException ? HttpProblems.engineUnavailable(down.getMessage())
        : HttpProblems.temporalUnavailable();
    return page(problem.status(), "Unavailable", problem.getMessage(), principal, response, model);
  }

  @ExceptionHandler(Exception.class)
  String unexpected(Exception failure, Principal principal, HttpServletResponse response, Model model) {
    log.error("A dashboard page failed", failure);
    return page(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong", DashboardSentences.UNEXPECTED, principal,
        response, model);
  }

  private static String page(HttpStatus status, String title, String sentence, Principal principal,
      HttpServletResponse response, Model model) {
    response.setStatus(status.value());
    model.addAttribute("title", title);
    model.addAttribute("sentence", sentence);
    // Exception handlers get no model attributes of their own: the frame needs to know who looks.
    model.addAttribute("viewer", principal instanceof Authentication authentication ? Viewer.of(authentication) : null);
    return "problem";
  }
}
