package io.mooring.api.common.errors;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowServiceException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import io.mooring.activities.runtime.RuntimeUnavailableException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.exc.StreamReadException;

/**
 * Turns every failure into problem details: the right status, a stable {@code code}, a sentence in
 * {@code detail}. Never a stack trace, never HTML, and never a 500 for something the caller sent.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
  private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate Object property \"(.*?)\"");

  @ExceptionHandler(ApiProblem.class)
  ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
    ProblemDetail body = problem(problem.status(), problem.code(), problem.getMessage());
    problem.properties().forEach(body::setProperty);
    return new ResponseEntity<>(body, problemHeaders(), problem.status());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
    Object value = e.getValue() instanceof Object[] values && values.length > 0 ? values[0] : e.getValue();
    String expected = e.getRequiredType() == boolean.class || e.getRequiredType() == Boolean.class
        ? "; it takes true or false" : "";
    return respond(HttpStatus.BAD_REQUEST, "invalid-parameter", "'" + e.getName() + "' has an invalid value: '"
        + HttpProblems.abbreviate(String.valueOf(value), 100) + "'" + expected);
  }

  @ExceptionHandler({CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class,
      TransientDataAccessException.class})
  ResponseEntity<ProblemDetail> databaseDown(RuntimeException e) {
    log.warn("Database unavailable: {}", e.getMessage());
    return apiProblem(HttpProblems.databaseUnavailable());
  }

  @ExceptionHandler({WorkflowServiceException.class, StatusRuntimeException.class})
  ResponseEntity<ProblemDetail> temporalDown(RuntimeException e) {
    Throwable cause = e instanceof StatusRuntimeException ? e : e.getCause();
    if (cause instanceof StatusRuntimeException grpc && grpc.getStatus().getCode() != Status.Code.UNAVAILABLE
        && grpc.getStatus().getCode() != Status.Code.DEADLINE_EXCEEDED) {
      return unexpected(e);
    }
    log.warn("Temporal unavailable: {}", e.getMessage());
    return apiProblem(HttpProblems.temporalUnavailable());
  }

  /** A Content-Type header that does not parse reaches here when a converter first reads it. */
  @ExceptionHandler(RuntimeUnavailableException.class)
  ResponseEntity<ProblemDetail> engineUnavailable(RuntimeUnavailableException e) {
    return apiProblem(HttpProblems.engineUnavailable(e.getMessage()));
  }

  @ExceptionHandler(InvalidMediaTypeException.class)
  ResponseEntity<ProblemDetail> badContentType(InvalidMediaTypeException e) {
    return apiProblem(HttpProblems.unsupportedContentType(e.getMediaType()));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("Unexpected failure", e);
    return apiProblem(HttpProblems.unexpected());
  }

  /** Says what is wrong with the body: too large, a key given twice, or not JSON at all. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ApiProblem problem = HttpProblems.malformedBody();
    for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
      if (cause instanceof BodyTooLargeException tooLarge) {
        problem = HttpProblems.bodyTooLarge(tooLarge.limitBytes());
        break;
      }
      Matcher duplicate = DUPLICATE_KEY.matcher(String.valueOf(cause.getMessage()));
      if (cause instanceof StreamReadException && duplicate.find()) {
        problem = HttpProblems.duplicateKey(duplicate.group(1));
        break;
      }
    }
    return new ResponseEntity<>(problem(problem.status(), problem.code(), problem.getMessage()), problemHeaders(),
        problem.status());
  }

  /** Spring MVC's own exceptions (404, 405, 415, …) already carry problem details; add our code. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
    if (response != null && response.getBody() instanceof ProblemDetail detail) {
      detail.setProperty("code", ProblemWriter.codeFor(statusCode.value()));
      HttpHeaders merged = new HttpHeaders();
      merged.putAll(response.getHeaders());
      merged.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
      return new ResponseEntity<>(detail, merged, response.getStatusCode());
    }
    return response;
  }

  private static ResponseEntity<ProblemDetail> respond(HttpStatus status, String code, String detail) {
    return new ResponseEntity<>(problem(status, code, detail), problemHeaders(), status);
  }

  private static ProblemDetail problem(HttpStatus status, String code, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(status.getReasonPhrase());
    problem.setProperty("code", code);
    return problem;
  }

  private static HttpHeaders problemHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return headers;
  }
}
