package io.mooring.api.security;

import io.mooring.api.errors.ApiProblem;
import io.mooring.api.errors.BodyParameters;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
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
class ApiTokenController {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final List<String> ALLOWED = List.of("name", "role");

  private final PipelineTokens tokens;

  ApiTokenController(PipelineTokens tokens) {
    this.tokens = tokens;
  }

  @GetMapping(path = "/api-tokens", produces = MediaType.APPLICATION_JSON_VALUE)
  List<TokenView> list() {
    return tokens.all().stream().map(TokenView::of).toList();
  }

  /** The answer is the only place the token's secret ever appears. */
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
    Role role = roleNode == null || roleNode.isNull() ? Role.DEPLOYER
        : Role.parse(roleNode.isString() ? roleNode.asString() : "").orElseThrow(() ->
            ApiProblem.badRequest("invalid-role", "'role' must be 'deployer' or 'admin'"));
    var issued = tokens.create(name, role, principal.getName()).orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT,
        "token-exists", "A token named '" + name + "' exists already; revoked tokens keep their names"));
    return ResponseEntity.created(URI.create("/api-tokens/" + name))
        .body(new CreatedToken(name, role.label(), issued.secret(), issued.token().createdAt().truncatedTo(ChronoUnit.MILLIS)));
  }

  @DeleteMapping(path = "/api-tokens/{name}")
  ResponseEntity<Void> revoke(@PathVariable String name) {
    if (!tokens.revoke(name)) {
      throw tokens.find(name).isPresent()
          ? new ApiProblem(HttpStatus.CONFLICT, "token-revoked", "The token '" + name + "' is already revoked")
          : ApiProblem.notFound("unknown-token", "There is no token named '" + name + "'");
    }
    return ResponseEntity.noContent().build();
  }

  record TokenView(String name, String role, String createdBy, Instant createdAt, Instant revokedAt) {
    static TokenView of(PipelineToken token) {
      return new TokenView(token.name(), token.role().label(), token.createdBy(),
          token.createdAt().truncatedTo(ChronoUnit.MILLIS),
          token.revokedAt() == null ? null : token.revokedAt().truncatedTo(ChronoUnit.MILLIS));
    }
  }

  record CreatedToken(String name, String role, String token, Instant createdAt) {}
}
