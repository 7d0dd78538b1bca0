package io.mooring.api.harmony;

import io.mooring.api.common.errors.ApiProblem;
import io.mooring.api.common.errors.BodyParameters;
import io.mooring.api.common.gate.GateSwitches;
import io.mooring.api.common.security.Caller;
import io.mooring.workflows.gate.GateClient;
import io.mooring.workflows.gate.GateMessages.Decision;
import io.mooring.workflows.gate.GateMessages.Outcome;
import io.mooring.workflows.gate.GateMessages.Switch;
import io.mooring.workflows.gate.GateState;
import io.mooring.api.common.openapi.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Harmony's {@code /service-deployments-state}: the switch that enables or disables deployments. */
@RestController
@Tag(name = "Harmony: deployment switch")
class DeploymentStateController {

  private static final List<String> ALLOWED = List.of("enabled", "message");

  private final GateClient gate;
  private final GateSwitches switches;

  DeploymentStateController(GateClient gate, GateSwitches switches) {
    this.gate = gate;
    this.switches = switches;
  }

  @Operation(summary = "Whether deployments are enabled, and why")
  @ProblemResponses
  @GetMapping(path = "/service-deployments-state", produces = MediaType.APPLICATION_JSON_VALUE)
  StateView state() {
    GateState state = gate.state();
    return new StateView(state.enabled(), state.message());
  }

  @Operation(summary = "Enable or disable deployments (admins)", description = "Disabling waits for no one:"
      + " it is refused with 423 while a deployment holds the lock")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
      mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RequestBodies.StateBody.class)))
  @ProblemResponses(423)
  @PutMapping(path = "/service-deployments-state", produces = MediaType.APPLICATION_JSON_VALUE)
  StateView turn(@RequestBody(required = false) JsonNode body, Principal principal) {
    if (body == null || !body.isObject() || !body.has("enabled") || body.get("enabled").isNull()) {
      throw ApiProblem.badRequest("enabled-required", "'enabled' is a required body parameter");
    }
    if (!body.get("enabled").isBoolean()) {
      throw ApiProblem.badRequest("invalid-enabled", "'enabled' can only take value of true or false");
    }
    BodyParameters.onlyAllowed(body, ALLOWED);
    JsonNode message = body.get("message");
    if (message != null && !message.isNull() && !message.isString()) {
      throw ApiProblem.badRequest("invalid-message", "'message' must be a string");
    }
    if (message != null && message.isString() && message.asString().length() > 4096) {
      throw ApiProblem.badRequest("invalid-message", "'message' may contain at most 4096 characters");
    }
    boolean enabled = body.get("enabled").asBoolean();
    String text = message == null || message.isNull() || message.asString().isBlank()
        ? (enabled ? "Manually enabled by " : "Manually disabled by ") + Caller.nameOf(principal)
        : message.asString();
    Decision decision = gate.turn(new Switch(enabled, text));
    if (decision.outcome() == Outcome.REFUSED) {
      throw new ApiProblem(HttpStatus.LOCKED, "deployment-locked",
          "Unable to acquire service deployment lock. Reason: " + decision.message() + ". Try again later.");
    }
    switches.record(enabled, text, Caller.nameOf(principal));
    return new StateView(enabled, text);
  }

  record StateView(boolean enabled, String message) {}
}
