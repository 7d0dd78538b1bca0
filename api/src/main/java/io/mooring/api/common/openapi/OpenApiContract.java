package io.mooring.api.common.openapi;

import io.mooring.api.common.links.PublicLinks;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * Makes the OpenAPI document say what the API really does: the bearer scheme, the server at the
 * public address (not the caller's Host), and for every operation every problem status it can
 * answer, with the problem-details schema. A contract test holds the controllers to it.
 */
@Configuration
class OpenApiContract {

  static final String PROBLEM = "Problem";
  private static final String BEARER = "bearer";
  private static final String PROBLEM_JSON = "application/problem+json";

  @Bean
  OpenAPI mooringOpenApi() {
    return new OpenAPI()
        .info(new Info().title("Mooring").version("1")
            .description("Durable deployments of container services. Every error is RFC 9457 problem details"
                + " (application/problem+json) with a stable 'code'."))
        .components(new Components()
            .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("A JWT from the configured identity provider, or a Mooring pipeline token (mooring_…)"))
            .addSchemas(PROBLEM, problemSchema()))
        .addSecurityItem(new SecurityRequirement().addList(BEARER));
  }

  /** The server is where Mooring says it is reached, never where this request said it went. */
  @Bean
  OpenApiCustomizer publicServer(PublicLinks links) {
    return document -> document.setServers(List.of(new Server().url(links.root()).description("Mooring")));
  }

  @Bean
  OperationCustomizer problemStatuses() {
    return (operation, handler) -> {
      ProblemResponses declared = handler.getMethodAnnotation(ProblemResponses.class);
      Map<Integer, String> statuses = new TreeMap<>();
      for (int common : new int[] {400, 401, 406, 503}) {
        statuses.put(common, describe(common));
      }
      if (declared != null && !declared.authenticated()) {
        // No bearer token asked for here, whatever the document asks for elsewhere.
        operation.setSecurity(List.of());
        statuses.remove(401);
      }
      if (declared == null || declared.forbidden()) {
        statuses.put(403, describe(403));
      }
      if (operation.getRequestBody() != null) {
        statuses.put(413, describe(413));
        statuses.put(415, describe(415));
      }
      if (declared != null) {
        for (int status : declared.value()) {
          statuses.put(status, describe(status));
        }
      }
      ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
      statuses.forEach((status, description) -> responses.putIfAbsent(Integer.toString(status), problem(description)));
      operation.setResponses(responses);
      return operation;
    };
  }

  private static ApiResponse problem(String description) {
    return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
  }

  private static String describe(int status) {
    return switch (status) {
      case 400 -> "The request is malformed or a parameter is not valid";
      case 401 -> "No valid bearer token";
      case 403 -> "The caller's role does not allow this";
      case 404 -> "No such resource";
      case 406 -> "The Accept header names no media type this operation answers with";
      case 409 -> "The resource is not in a state that allows this";
      case 413 -> "The request body is larger than Mooring accepts";
      case 415 -> "The request body is not JSON";
      case 423 -> "Deployments are disabled, or the deployment lock is held";
      case 503 -> "A component Mooring needs (database, Temporal, a registry, the identity provider) does not answer";
      default -> HttpStatus.valueOf(status).getReasonPhrase();
    };
  }

  @SuppressWarnings("rawtypes")
  private static Schema problemSchema() {
    ObjectSchema problem = new ObjectSchema();
    problem.description("RFC 9457 problem details");
    problem.addProperty("type", new StringSchema());
    problem.addProperty("title", new StringSchema());
    problem.addProperty("status", new IntegerSchema());
    problem.addProperty("detail", new StringSchema().description("What went wrong, for people"));
    problem.addProperty("instance", new StringSchema());
    problem.addProperty("code", new StringSchema().description("What went wrong, stable for programs"));
    problem.setRequired(List.of("title", "status", "detail", "code"));
    return problem;
  }
}
