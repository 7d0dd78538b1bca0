package io.mooring.api.common.http;

import io.mooring.api.common.errors.HttpProblems;
import io.mooring.api.common.errors.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers requests whose query string or Content-Type cannot be read, before anything else tries
 * to: the container throws on a bad percent-escape wherever the parameters are first read (a
 * filter, the security chain, a controller), which would otherwise surface as a 500 with a stack
 * trace in the log for every such request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class MalformedRequestFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(MalformedRequestFilter.class);

  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

  private final ProblemWriter problems = new ProblemWriter();

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      if (hasControlCharacters(request.getParameterMap())) {
        // No parameter of Mooring's takes them; a NUL would even be refused by the database.
        problems.write(request, response, HttpProblems.malformedQuery());
        return;
      }
    } catch (RuntimeException malformed) {
      log.debug("Refused a malformed query string: {}", malformed.getMessage());
      problems.write(request, response, HttpProblems.malformedQuery());
      return;
    }
    String contentType = request.getContentType();
    if (contentType != null && carriesBody(request) && !readable(contentType)) {
      problems.write(request, response, HttpProblems.unsupportedContentType(contentType));
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean hasControlCharacters(Map<String, String[]> parameters) {
    for (var parameter : parameters.entrySet()) {
      if (CONTROL.matcher(parameter.getKey()).find()) {
        return true;
      }
      for (String value : parameter.getValue()) {
        if (CONTROL.matcher(value).find()) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean carriesBody(HttpServletRequest request) {
    return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
  }

  /** A concrete media type: a wildcard or an unparseable one can never match a reader. */
  private static boolean readable(String contentType) {
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return !type.isWildcardType() && !type.isWildcardSubtype();
    } catch (IllegalArgumentException unparseable) {
      return false;
    }
  }
}
