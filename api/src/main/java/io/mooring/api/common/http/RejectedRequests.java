package io.mooring.api.common.http;

import io.mooring.api.common.errors.HttpProblems;
import io.mooring.api.common.errors.ProblemWriter;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers what the security firewall refuses before authentication: an unknown method is a 405
 * naming the methods the path takes, a path that is not in normal form ({@code ..}, {@code //},
 * {@code ;}, encoded separators) or a header with characters HTTP does not allow is a 400. Either
 * way the caller learns what is wrong instead of being told its valid token is not.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

  private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);
  /** The methods the firewall lets through: those of the API, and nothing like TRACE or WebDAV. */
  private static final Set<String> FIREWALL_METHODS = Set.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");

  private final AllowedMethods allowedMethods;
  private final ProblemWriter problems = new ProblemWriter();

  RejectedRequests(AllowedMethods allowedMethods) {
    this.allowedMethods = allowedMethods;
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
      throws IOException {
    log.debug("Refused a request the firewall rejected: {}", rejected.getMessage());
    // On the error page (TRACE is refused by the container, then forwarded there) the path asked for
    // is the original one, not the error page's.
    Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = original instanceof String uri ? uri : request.getRequestURI();
    if (!FIREWALL_METHODS.contains(request.getMethod())) {
      var allowed = allowedMethods.at(path);
      if (allowed.isPresent()) {
        response.setHeader(HttpHeaders.ALLOW, allowed.get());
        problems.write(request, response, HttpProblems.methodNotAllowed(request.getMethod(), allowed.get()));
      } else {
        problems.write(request, response, HttpProblems.noSuchResource(path));
      }
      return;
    }
    String message = String.valueOf(rejected.getMessage());
    problems.write(request, response, message.contains("URL") || message.contains("path")
        ? HttpProblems.pathNotNormalised() : HttpProblems.requestRejected());
  }
}
