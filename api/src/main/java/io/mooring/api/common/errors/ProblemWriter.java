package io.mooring.api.common.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes problem details from places that answer before Spring MVC's error handling runs (servlet
 * filters, the security filters, the error page): the same fields the rest of the API answers with.
 */
public class ProblemWriter {

  private final JsonMapper json = JsonMapper.builder().build();

  public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code, String detail)
      throws IOException {
    write(response, request.getRequestURI(), new ApiProblem(status, code, detail));
  }

  public void write(HttpServletRequest request, HttpServletResponse response, ApiProblem problem) throws IOException {
    write(response, request.getRequestURI(), problem);
  }

  /** For an answer about another path than the request's own (the error page's original path). */
  public void write(HttpServletResponse response, String instance, ApiProblem problem) throws IOException {
    response.setStatus(problem.status().value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(body(instance, problem.status().value(), problem.code(), problem.getMessage()));
  }

  /** The problem document itself, for writers that have no servlet response at hand. */
  public byte[] body(String instance, int status, String code, String detail) {
    HttpStatus known = HttpStatus.resolve(status);
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", known == null ? "Error" : known.getReasonPhrase());
    problem.put("status", status);
    problem.put("detail", detail);
    if (instance != null) {
      problem.put("instance", instance);
    }
    problem.put("code", code);
    return json.writeValueAsBytes(problem);
  }

  /** The stable code of a status without a more specific one: {@code 413} is {@code payload-too-large}. */
  public static String codeFor(int status) {
    HttpStatus known = HttpStatus.resolve(status);
    return known == null ? "http-" + status : known.name().toLowerCase().replace('_', '-');
  }
}
