package io.mooring.api.common.security;

import io.mooring.api.common.errors.ApiProblem;
import io.mooring.api.common.errors.BodyParameters;
import io.mooring.api.common.openapi.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /api-tokens}: admins create, list and revoke pipeline tokens. */
@RestController
@Tag(name = "Pipeline tokens")
class ApiTokenController {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final List<String> ALLOWED = List.of("name", "role");

  /** Who created or revoked which token, never its secret. */
  private static final Logger audit = LoggerFactory.getLogger("io.mooring.audit.tokens");

  private final PipelineTokens tokens;

  ApiTokenController(PipelineTokens tokens) {
    this.tokens = tokens;
  }

  @Operation(summary = "Every pipeline token, live and revoked (never their secrets)")
  @ProblemResponses
  @GetMapping(path = "/api-tokens", produces = MediaType.APPLICATION_JSON_VALUE)
  List<TokenView> list() {
    return tokens.all().stream().map(TokenView::of).toList();
  }

  /** The answer is the only place the token's secret ever appears. */
  @Operation(summary = "Create a pipeline token; its secret is in this answer and nowhere else")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
      mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = NewToken.class)))
  @ApiResponse(responseCode = "201", description = "Created")
  @ProblemResponses(409)
  @PostMapping(path = "/api-tokens", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<CreatedToken> create(@RequestBody(required = false) JsonNode body, Principal principal) {
    if (body == null || !body.isObject() || !body.hasNonNull("name")) {
      throw ApiProblem.badRequest("name-required", "'name' is a required body parameter");
    }
    BodyParameters.onlyAllowed(body, ALLOWED);
    String name = body.get("name").isString() ? body.get("name").asString() : "";
    if (!NAME.matcher(name).matches()) {
      throw ApiProblem.badRequest("invalid-name",
          "'name' must be 1 to 64 lowercase letters, digits, periods, underscores or dashes, starting with a letter or digit");
    }
    JsonNode roleNode = body.get("role");
    Role role = roleNode == null ? Role.DEPLOYER
        : Role.parse(roleNode.isString() ? roleNode.asString() : "").orElseThrow(() ->
            ApiProblem.badRequest("invalid-role", "'role' must be 'reader', 'deployer' or 'admin'"));
    Caller caller = Caller.of(principal);
    var issued = tokens.create(name, role, caller.name()).orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT,
        "token-exists", "A token named '" + name + "' exists already; revoked tokens keep their names"));
    audit.info("Token '{}' with role {} created by {}", name, role.label(), caller.describe());
    return ResponseEntity.created(URI.create("/api-tokens/" + name))
        .body(new CreatedToken(name, role.label(), issued.secret(), issued.token().createdAt().truncatedTo(ChronoUnit.MILLIS)));
  }

  @Operation(summary = "Revoke a token; it stops working at once. Never the last admin token, nor the caller's own")
  @ApiResponse(responseCode = "204", description = "Revoked")
  @ProblemResponses({404, 409})
  @DeleteMapping(path = "/api-tokens/{name}")
  ResponseEntity<Void> revoke(
      @Parameter(schema = @Schema(pattern = "^[a-z0-9][a-z0-9._-]{0,63}$")) @PathVariable String name, Principal principal) {
    Caller caller = Caller.of(principal);
    if (caller.kind() == Caller.Kind.PIPELINE && caller.name().equals(name)) {
      throw new ApiProblem(HttpStatus.CONFLICT, "own-token",
          "The token '" + name + "' is the one this request is made with; revoke it with another admin token");
    }
    switch (tokens.revoke(name)) {
      case NOT_FOUND -> throw ApiProblem.notFound("unknown-token", "There is no token named '" + name + "'");
      case ALREADY_REVOKED -> throw new ApiProblem(HttpStatus.CONFLICT, "token-revoked",
          "The token '" + name + "' is already revoked");
      case LAST_ADMIN -> throw new ApiProblem(HttpStatus.CONFLICT, "last-admin-token",
          "The token '" + name + "' is the last admin token; create another admin token before revoking it,"
              + " or nobody could manage tokens again");
      case REVOKED -> audit.info("Token '{}' revoked by {}", name, caller.describe());
    }
    return ResponseEntity.noContent().build();
  }

  @Schema(name = "NewToken", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
  record NewToken(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^[a-z0-9][a-z0-9._-]{0,63}$", example = "ci-pipeline")
      String name,
      @Schema(allowableValues = {"reader", "deployer", "admin"}, defaultValue = "deployer") String role) {}

  @Schema(name = "Token")
  record TokenView(String name, String role, String createdBy, Instant createdAt,
      @Schema(nullable = true, description = "When it was revoked; null while it works") Instant revokedAt) {
    static TokenView of(PipelineToken token) {
      return new TokenView(token.name(), token.role().label(), token.createdBy(),
          token.createdAt().truncatedTo(ChronoUnit.MILLIS),
          token.revokedAt() == null ? null : token.revokedAt().truncatedTo(ChronoUnit.MILLIS));
    }
  }

  record CreatedToken(String name, String role, String token, Instant createdAt) {}
}
