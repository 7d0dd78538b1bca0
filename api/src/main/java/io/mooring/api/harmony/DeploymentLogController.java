package io.mooring.api.harmony;

import io.mooring.activities.actions.LogLine;
import io.mooring.activities.actions.OperationLog;
import io.mooring.activities.deployments.DeploymentRecord;
import io.mooring.api.common.openapi.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code /deployment-logs/{id}}: the log so far as JSON, or, for {@code text/event-stream}, every
 * line as it is written until the deployment ends.
 */
@RestController
@Tag(name = "Harmony: deployments")
class DeploymentLogController {

  private final DeploymentIds ids;
  private final OperationLog log;
  private final LogFollower follower;

  DeploymentLogController(DeploymentIds ids, OperationLog log, LogFollower follower) {
    this.ids = ids;
    this.log = log;
    this.follower = follower;
  }

  /**
   * As Harmony answers: the lines as an array of strings ({@code ["Success output"]}). With
   * {@code ?timestamps=true}, each line with the moment it was written.
   */
  @Operation(summary = "A deployment's log: the lines so far as JSON, or every line as it is written"
      + " (text/event-stream: 'line' events, then 'end')")
  @ProblemResponses(404)
  @GetMapping(path = "/deployment-logs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  List<?> lines(@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable String id,
      @Parameter(description = "Each line as {at, line} instead of a plain string")
      @RequestParam(defaultValue = "false") boolean timestamps) {
    DeploymentRecord record = ids.existing(id);
    List<LogLine> lines = log.lines(record.id(), 0);
    return timestamps ? lines.stream().map(LineView::of).toList() : lines.stream().map(LogLine::line).toList();
  }

  @ApiResponse(responseCode = "200", description = "The log", content = @Content(
      mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
  @ProblemResponses(404)
  @GetMapping(path = "/deployment-logs/{id}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter follow(@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable String id,
      @Parameter(description = "The id of the last line received: a reconnected stream resumes after it")
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
    return follower.follow(ids.existing(id).id(), resumeAfter(lastEventId));
  }

  /** The line a reconnecting client has; anything that is not a line's id starts from the beginning. */
  private static long resumeAfter(String lastEventId) {
    try {
      return lastEventId == null ? 0 : Math.max(0, Long.parseLong(lastEventId.strip()));
    } catch (NumberFormatException notOurs) {
      return 0;
    }
  }

  record LineView(Instant at, String line) {
    static LineView of(LogLine line) {
      return new LineView(line.at().truncatedTo(ChronoUnit.MILLIS), line.line());
    }
  }
}
