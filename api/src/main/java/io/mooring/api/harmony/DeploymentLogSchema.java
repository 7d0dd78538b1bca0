package io.mooring.api.harmony;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Says in the OpenAPI document what {@code GET /deployment-logs/{id}} answers as JSON: Harmony's
 * array of strings, or with {@code timestamps=true} an array of {@code {at, line}}. Annotations
 * cannot express a choice between two arrays; it is {@code anyOf}, since an empty log is both.
 */
@Component
class DeploymentLogSchema implements OpenApiCustomizer {

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public void customise(io.swagger.v3.oas.models.OpenAPI document) {
    var path = document.getPaths() == null ? null : document.getPaths().get("/deployment-logs/{id}");
    if (path == null || path.getGet() == null || path.getGet().getResponses() == null) {
      return;
    }
    var ok = path.getGet().getResponses().get("200");
    var json = ok == null || ok.getContent() == null ? null : ok.getContent().get("application/json");
    if (json == null) {
      return;
    }
    Schema timestamped = new ObjectSchema().addProperty("at", new StringSchema().format("date-time"))
        .addProperty("line", new StringSchema());
    timestamped.setRequired(java.util.List.of("at", "line"));
    json.setSchema(new ComposedSchema()
        .addAnyOfItem(new ArraySchema().items(new StringSchema()).description("The lines (the default)"))
        .addAnyOfItem(new ArraySchema().items(timestamped).description("With timestamps=true")));
  }
}
