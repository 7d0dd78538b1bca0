package io.mooring.api;

import jakarta.servlet.Filter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import tools.jackson.databind.JsonNode;

/**
 * Holds the controllers to their OpenAPI document: every answer Mooring gives to a documented
 * operation during a test is noted, and after the test each status must be one the document lists
 * for that operation. A new status a controller starts to answer fails the test that provoked it
 * until the document says so.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DocumentedStatuses {

  /** One answer: the method, the raw path asked for, the status given. */
  public record Answer(String method, String path, int status) {}

  private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
  private JsonNode document;

  @Bean
  FilterRegistrationBean<Filter> answerRecorder() {
    Filter recorder = (request, response, chain) -> {
      try {
        chain.doFilter(request, response);
      } finally {
        var http = (jakarta.servlet.http.HttpServletRequest) request;
        record(new Answer(http.getMethod(), http.getRequestURI(),
            ((jakarta.servlet.http.HttpServletResponse) response).getStatus()));
      }
    };
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(recorder);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  public void forget() {
    answers.clear();
  }

  /** Notes an answer as the filter does. */
  public void record(Answer answer) {
    answers.add(answer);
  }

  /** The document, fetched once per application context. */
  public synchronized JsonNode document(java.util.function.Supplier<JsonNode> fetch) {
    if (document == null) {
      document = fetch.get();
      answers.removeIf(answer -> answer.path().startsWith("/v3/api-docs"));
    }
    return document;
  }

  /** The answers since the last call that the document does not list, as sentences. */
  public List<String> undocumented(JsonNode document) {
    List<String> problems = new ArrayList<>();
    for (Iterator<Answer> it = answers.iterator(); it.hasNext(); ) {
      Answer answer = it.next();
      it.remove();
      JsonNode operation = operation(document, answer);
      if (operation != null && !operation.path("responses").has(Integer.toString(answer.status()))
          && !operation.path("responses").has("default")) {
        problems.add(answer.method() + " " + answer.path() + " answered " + answer.status() + ", which its operation"
            + " does not document " + operation.path("responses").propertyNames());
      }
    }
    return problems;
  }

  /** The documented operation this answer belongs to, or null when the document has none for it. */
  private static JsonNode operation(JsonNode document, Answer answer) {
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      String template = "^" + Pattern.quote(path.getKey()).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q") + "$";
      if (Pattern.matches(template, answer.path())) {
        JsonNode operation = path.getValue().get(answer.method().toLowerCase(Locale.ROOT));
        if (operation != null) {
          return operation;
        }
      }
    }
    return null;
  }
}
