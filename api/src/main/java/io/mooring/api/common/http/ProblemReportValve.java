package io.mooring.api.common.http;

import io.mooring.api.common.errors.HttpProblems;
import io.mooring.api.common.errors.ProblemWriter;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's last word on a failed request, for what it refuses before Mooring sees it (a URL or
 * header over the limit, a bad escape in the path, an encoded slash, a negative Content-Length,
 * CONNECT, a control character in a header): problem details instead of the container's HTML page.
 * It never includes the exception, the server's name or version.
 */
public class ProblemReportValve extends ErrorReportValve {

  private final ProblemWriter problems = new ProblemWriter();

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    var problem = status >= 500 && status != 501 && status != 505 ? HttpProblems.unexpected() : HttpProblems.refusedByServer(status);
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      var writer = response.getReporter();
      if (writer != null) {
        writer.write(new String(problems.body(null, status, problem.code(), problem.getMessage()),
            java.nio.charset.StandardCharsets.UTF_8));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException unwritable) {
      // The connection is gone or the response is committed: there is nobody left to tell.
    }
  }
}
