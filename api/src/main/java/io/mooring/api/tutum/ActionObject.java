package io.mooring.api.tutum;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.mooring.activities.actions.ActionEntry;
import io.mooring.activities.actions.ActionOrigin;
import io.mooring.activities.actions.ActionRecord;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Tutum's Action object: one operation on a service (a lifecycle action, a Harmony deployment, a
 * replacement Mooring made on its own) with who asked, from where, how it went and its log.
 */
record ActionObject(
    String uuid,
    @JsonProperty("resource_uri") String resourceUri,
    @Schema(description = "The service it acts on") String object,
    @Schema(example = "Service Start") String action,
    String method,
    String path,
    @Schema(nullable = true) @JsonProperty("user_agent") String userAgent,
    @Schema(nullable = true) @JsonProperty("start_date") String startDate,
    @Schema(nullable = true) @JsonProperty("end_date") String endDate,
    @Schema(allowableValues = {"Pending", "In progress", "Canceling", "Canceled", "Success", "Failed"}) String state,
    @Schema(nullable = true) String ip,
    @Schema(nullable = true, description = "Tutum showed where the caller was; Mooring does not locate addresses")
    String location,
    @Schema(nullable = true) String body,
    @JsonProperty("is_user_action") boolean isUserAction,
    @JsonProperty("can_be_canceled") boolean canBeCanceled,
    @JsonProperty("can_be_retried") boolean canBeRetried,
    @Schema(description = "The action's log, a line each") String logs,
    @Schema(description = "Mooring's own: who asked") String username) {

  static ActionObject of(ActionEntry entry, List<String> log) {
    ActionRecord action = entry.action();
    ActionOrigin origin = action.origin();
    return new ActionObject(
        action.id().toString(),
        ServiceObjects.ACTIONS + action.id() + "/",
        ServiceObjects.SERVICES + entry.serviceUuid() + "/",
        action.action(),
        origin.method(),
        origin.path(),
        origin.userAgent(),
        TutumDates.format(action.startedAt()),
        TutumDates.format(action.endedAt()),
        action.state().label(),
        origin.ip(),
        null,
        origin.body(),
        origin.userAction(),
        entry.cancelable(),
        false,
        String.join("\n", log),
        origin.username());
  }
}
