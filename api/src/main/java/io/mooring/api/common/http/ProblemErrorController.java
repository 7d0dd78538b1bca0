package io.mooring.api.common.http;

import io.mooring.api.common.errors.HttpProblems;
import io.mooring.api.common.errors.ProblemWriter;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error page the servlet container forwards to when something fails outside Spring MVC (a
 * method the container refuses, such as TRACE, or an exception from a filter). It answers problem
 * details like every endpoint; asked for directly, there is nothing there.
 */
@Hidden
@Controller
class ProblemErrorController implements ErrorController {

  private final AllowedMethods allowedMethods;
  private final ProblemWriter problems = new ProblemWriter();

  ProblemErrorController(AllowedMethods allowedMethods) {
    this.allowedMethods = allowedMethods;
  }

  @RequestMapping("${server.error.path:/error}")
  void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (!(status instanceof Integer code)) {
      problems.write(request, response, HttpProblems.noSuchResource(request.getRequestURI()));
      return;
    }
    response.reset();
    if (code == 405) {
      String allowed = allowedMethods.at(path).orElse("OPTIONS");
      response.setHeader(HttpHeaders.ALLOW, allowed);
      problems.write(response, path, HttpProblems.methodNotAllowed(allowed));
    } else if (code >= 500) {
      problems.write(response, path, HttpProblems.unexpected());
    } else {
      problems.write(response, path, HttpProblems.refusedByServer(code));
    }
  }
}
