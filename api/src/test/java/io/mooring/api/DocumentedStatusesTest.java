package io.mooring.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.mooring.api.DocumentedStatuses.Answer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The check every contract test ends with, shown failing where it must. */
class DocumentedStatusesTest {

  private final JsonNode document = JsonMapper.builder().build().readTree("""
      {"paths": {
        "/service-deployment/{id}": {"get": {"responses": {"200": {}, "404": {}}}},
        "/service-deployment/{id}/cancel": {"post": {"responses": {"202": {}}}}}}""");
  private final DocumentedStatuses statuses = new DocumentedStatuses();

  @Test
  void flagsAStatusTheOperationDoesNotList() {
    statuses.record(new Answer("GET", "/service-deployment/42", 418));
    assertThat(statuses.undocumented(document)).singleElement().asString()
        .startsWith("GET /service-deployment/42 answered 418");
  }

  @Test
  void passesListedStatusesAndLeavesUndocumentedOperationsAlone() {
    statuses.record(new Answer("GET", "/service-deployment/42", 404));
    statuses.record(new Answer("POST", "/service-deployment/42/cancel", 202));
    statuses.record(new Answer("DELETE", "/service-deployment/42", 405));
    statuses.record(new Answer("GET", "/actuator/health", 503));
    assertThat(statuses.undocumented(document)).isEmpty();
  }

  @Test
  void matchesATemplateSegmentBySegment() {
    statuses.record(new Answer("POST", "/service-deployment/42/cancel", 500));
    statuses.record(new Answer("GET", "/service-deployment/42/cancel", 500));
    assertThat(statuses.undocumented(document)).singleElement().asString().startsWith("POST");
  }
}
