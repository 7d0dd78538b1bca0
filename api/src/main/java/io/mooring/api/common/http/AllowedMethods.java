package io.mooring.api.common.http;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The methods a path answers to, read from the application's own request mappings, for the
 * {@code Allow} header of a 405 that is decided before Spring MVC sees the request (an unknown
 * method, TRACE).
 */
@Component
public class AllowedMethods {

  private final List<RequestMappingInfoHandlerMapping> mappings;

  AllowedMethods(List<RequestMappingInfoHandlerMapping> mappings) {
    this.mappings = mappings;
  }

  /** {@code GET, HEAD, OPTIONS, PUT} for a known path; empty when no endpoint lives there. */
  public Optional<String> at(String path) {
    PathContainer container = PathContainer.parsePath(path == null || path.isEmpty() ? "/" : path);
    Set<String> methods = new TreeSet<>();
    boolean found = false;
    for (RequestMappingInfoHandlerMapping mapping : mappings) {
      for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
        if (matches(info, container)) {
          found = true;
          Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
          (declared.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT,
              RequestMethod.PATCH, RequestMethod.DELETE) : declared).forEach(m -> methods.add(m.name()));
        }
      }
    }
    if (!found) {
      return Optional.empty();
    }
    if (methods.contains("GET")) {
      methods.add("HEAD");
    }
    methods.add("OPTIONS");
    return Optional.of(String.join(", ", methods));
  }

  private static boolean matches(RequestMappingInfo info, PathContainer path) {
    if (info.getPathPatternsCondition() == null) {
      return false;
    }
    for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
      if (pattern.matches(path)) {
        return true;
      }
    }
    return false;
  }
}
