package io.mooring.api.tutum;

import static org.assertj.core.api.Assertions.assertThat;

import io.mooring.api.EmbeddedMooringTest;
import io.mooring.api.Http.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Tutum's service API on the embedded default: records and the state machine, no engine needed. */
class ServiceApiTest extends EmbeddedMooringTest {

  @Test
  void createsAServiceInInitWithNothingDeployed() {
    Reply created = create("{\"image\": \"%s/demo/web:1.0.0\", \"name\": \"Created_One\", \"target_num_containers\": 2,"
        + " \"container_ports\": [{\"protocol\": \"tcp\", \"inner_port\": 8080, \"published\": true}],"
        + " \"container_envvars\": [{\"key\": \"GREETING\", \"value\": \"hi\"}], \"tags\": [\"blue\", {\"name\": \"web\"}],"
        + " \"autoreplace\": \"ON_FAILURE\", \"autodestroy\": \"ALWAYS\"}");
    assertThat(created.status()).isEqualTo(201);
    JsonNode service = created.json();
    String uuid = service.get("uuid").asString();
    assertThat(created.header("Location")).isEqualTo("/api/v1/service/" + uuid + "/");
    assertThat(service.get("resource_uri").asString()).isEqualTo("/api/v1/service/" + uuid + "/");
    assertThat(service.get("state").asString()).isEqualTo("Init");
    assertThat(service.get("name").asString()).isEqualTo("Created_One");
    assertThat(service.get("unique_name").asString()).isEqualTo("created-one");
    assertThat(service.get("image_name").asString()).isEqualTo(REGISTRY.host() + "/demo/web:1.0.0");
    assertThat(service.get("target_num_containers").asInt()).isEqualTo(2);
    assertThat(service.get("current_num_containers").asInt()).isZero();
    assertThat(service.get("containers")).isEmpty();
    assertThat(service.get("deployed_datetime").isNull()).isTrue();
    assertThat(service.get("container_ports").get(0).get("inner_port").asInt()).isEqualTo(8080);
    assertThat(service.get("container_ports").get(0).get("outer_port").isNull()).isTrue();
    assertThat(service.get("container_ports").get(0).get("port_name").asString()).isEqualTo("http-alt");
    assertThat(service.get("container_envvars").get(0).get("key").asString()).isEqualTo("GREETING");
    assertThat(service.get("tags").findValuesAsString("name")).containsExactly("blue", "web");
    assertThat(service.get("autorestart").asString()).isEqualTo("OFF");
    assertThat(service.get("autoreplace").asString()).isEqualTo("ON_FAILURE");
    assertThat(service.get("autodestroy").asString()).isEqualTo("ALWAYS");
    assertThat(http.get("/api/v1/service/" + uuid).json()).isEqualTo(service);
    assertThat(http.get("/service-image-tag").json().get("created-one").asString()).isEqualTo("1.0.0");
  }

  @Test
  void givesTheNextFreeUniqueNameWhenTheNameIsTaken() {
    String first = create("{\"image\": \"%s/demo/web:1.0.0\", \"name\": \"twin\"}").json().get("unique_name").asString();
    String second = create("{\"image\": \"%s/demo/web:1.0.0\", \"name\": \"twin\"}").json().get("unique_name").asString();
    assertThat(first).isEqualTo("twin");
    assertThat(second).isEqualTo("twin-2");
    Reply twins = http.get("/api/v1/service/?name=twin");
    assertThat(twins.json().get("meta").get("total_count").asInt()).isEqualTo(2);
    assertThat(twins.json().get("objects").findValuesAsString("unique_name")).containsExactly("twin", "twin-2");
  }

  @Test
  void listsInTutumsEnvelopeAndPagesWithLimitAndOffset() {
    for (int i = 0; i < 3; i++) {
      create("{\"image\": \"%s/demo/web:1.0.0\", \"name\": \"paged\"}");
    }
    JsonNode first = http.get("/api/v1/service?name=paged&limit=2").json();
    assertThat(first.get("meta").get("limit").asInt()).isEqualTo(2);
    assertThat(first.get("meta").get("offset").asInt()).isZero();
    assertThat(first.get("meta").get("total_count").asInt()).isEqualTo(3);
    assertThat(first.get("meta").get("next").asString()).isEqualTo("/api/v1/service/?name=paged&limit=2&offset=2");
    assertThat(first.get("meta").get("previous").isNull()).isTrue();
    assertThat(first.get("objects")).hasSize(2);
    JsonNode second = http.get(first.get("meta").get("next").asString()).json();
    assertThat(second.get("objects")).hasSize(1);
    assertThat(second.get("meta").get("next").isNull()).isTrue();
    assertThat(http.get("/api/v1/service/?name=paged&state=Init").json().get("meta").get("total_count").asInt())
        .isEqualTo(3);
    assertThat(http.get("/api/v1/service/?name=paged&state=Running").json().get("objects")).isEmpty();
  }

  @Test
  void refusesAnImageTheRegistryDoesNotHaveAndStoresNothing() {
    Reply refused = create("{\"image\": \"%s/demo/nothing-here:1.0\", \"name\": \"ghost\"}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("code").asString()).isEqualTo("image-unreachable");
    assertThat(http.get("/api/v1/service/?name=ghost").json().get("meta").get("total_count").asInt()).isZero();
  }

  @Test
  void refusesAStopInInitNamingTheStateAndWhatItAllows() {
    String uuid = create("{\"image\": \"%s/demo/web:1.0.0\", \"name\": \"idle\"}").json().get("uuid").asString();
    Reply refused = http.post("/api/v1/service/" + uuid + "/stop/", "");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("code").asString()).isEqualTo("action-not-allowed");
    assertThat(refused.detail())
        .isEqualTo("Service idle is Init, which does not allow stop. Possible actions in this state: start, terminate.");
  }

  @Test
  void anActionTakenInAnswers202WithItsActionAndRefusesTheNextWhileItRuns() throws Exception {
    String uuid = create("{\"image\": \"%s/demo/web:1.0.0\", \"name\": \"short-lived\"}").json().get("uuid").asString();
    Reply terminating = http.send(HttpRequest.newBuilder(URI.create(http.root() + "/api/v1/service/" + uuid + "/")).DELETE());
    assertThat(terminating.status()).isEqualTo(202);
    assertThat(terminating.header("X-Tutum-Action-URI")).matches("/api/v1/action/[0-9a-f-]{36}/");
    assertThat(terminating.header("Location")).isEqualTo(terminating.header("X-Tutum-Action-URI"));
    assertThat(terminating.json().get("uuid").asString()).isEqualTo(uuid);
    assertThat(terminating.json().get("state").asString()).isEqualTo("Terminating");
    Reply refused = http.post("/api/v1/service/" + uuid + "/start/", "");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.detail())
        .isEqualTo("Service short-lived is Terminating, which does not allow start. No actions are allowed in this state.");
  }

  @Test
  void findsAnImageNamedWithoutARegistryOnTheDefaultRegistry() {
    Reply created = http.post("/api/v1/service/", "{\"image\": \"demo/web:1.1.0\", \"name\": \"hostless\"}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("image_name").asString()).isEqualTo(REGISTRY.host() + "/demo/web:1.1.0");
  }

  @Test
  void refusesAnImageOnARegistryServicesMayNotComeFrom() {
    Reply refused = http.post("/api/v1/service/", "{\"image\": \"registry.example.com/demo/web:1.0.0\", \"name\": \"far\"}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("code").asString()).isEqualTo("invalid-image");
    assertThat(http.get("/api/v1/service/?name=far").json().get("meta").get("total_count").asInt()).isZero();
  }

  @Test
  void refusesANulCharacterItCouldNotStore() {
    Reply refused = create("{\"image\": \"%s/demo/web:1.0.0\", \"name\": \"nul\","
        + " \"container_envvars\": [{\"key\": \"A\", \"value\": \"x\\u0000y\"}]}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.detail()).isEqualTo("container_envvars must not contain the NUL character");
  }

  @Test
  void refusesARedeployOfAServiceThatNeverRan() {
    String uuid = create("{\"image\": \"%s/demo/web:1.0.0\", \"name\": \"never-ran\"}").json().get("uuid").asString();
    Reply refused = http.post("/api/v1/service/" + uuid + "/redeploy/?reuse_volumes=True", "");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.detail())
        .isEqualTo("Service never-ran is Init, which does not allow redeploy. Possible actions in this state: start, terminate.");
  }

  @Test
  void refusesAPolicyOrProtocolThatIsNotAWord() {
    Reply policy = create("{\"image\": \"%s/demo/web:1.0.0\", \"autorestart\": {}}");
    assertThat(policy.status()).isEqualTo(400);
    assertThat(policy.detail()).isEqualTo("autorestart must be OFF, ON_FAILURE or ALWAYS");
    Reply protocol = create("{\"image\": \"%s/demo/web:1.0.0\", \"container_ports\": [{\"protocol\": 6, \"inner_port\": 80}]}");
    assertThat(protocol.status()).isEqualTo(400);
    assertThat(protocol.detail()).isEqualTo("protocol must be tcp or udp");
  }

  @Test
  void takesTutumsGlobalRoleAndRefusesAnyOther() {
    Reply global = create("{\"image\": \"%s/demo/web:1.0.0\", \"name\": \"global-reader\", \"roles\": [\"global\"]}");
    assertThat(global.status()).as(global.toString()).isEqualTo(201);
    assertThat(global.json().get("roles").get(0).asString()).isEqualTo("global");
    for (String roles : new String[] {"[\"admin\"]", "\"global\"", "[\"global\", \"global\"]", "[1]"}) {
      Reply refused = create("{\"image\": \"%s/demo/web:1.0.0\", \"roles\": " + roles + "}");
      assertProblem(refused, 400, "invalid-roles");
      assertThat(refused.detail()).isEqualTo("roles must be a list of Tutum API roles: [] or [\"global\"]");
    }
  }

  @Test
  void answersAnUnknownServiceWithNotFound() {
    assertThat(http.get("/api/v1/service/7eaf7fff-882c-4f3d-9a8f-a22317ac00ce/").status()).isEqualTo(404);
    assertThat(http.get("/api/v1/service/not-a-uuid/").status()).isEqualTo(404);
  }

  @Test
  void linksAServiceToAnotherUnderTheLinksNameAndShowsTheLinkOnBothEnds() {
    String db = create("{\"image\": \"%s/demo/web:1.0.0\", \"name\": \"linked-db\","
        + " \"container_envvars\": [{\"key\": \"DB_NAME\", \"value\": \"orders\"}]}").json()
        .get("resource_uri").asString();
    Reply app = create("{\"image\": \"%s/demo/web:1.0.0\", \"name\": \"linking-app\","
        + " \"linked_to_service\": [{\"to_service\": \"" + db + "\", \"name\": \"DB\"}]}");
    assertThat(app.status()).as(app.toString()).isEqualTo(201);
    String appUri = app.json().get("resource_uri").asString();

    JsonNode link = app.json().get("linked_to_service").get(0);
    assertThat(link.get("name").asString()).isEqualTo("DB");
    assertThat(link.get("from_service").asString()).isEqualTo(appUri);
    assertThat(link.get("to_service").asString()).isEqualTo(db);
    assertThat(http.get(db).json().get("linked_from_service").get(0)).isEqualTo(link);
    assertThat(http.get(db).json().get("link_variables").get("LINKED_DB_TUTUM_API_URL").asString())
        .isEqualTo(PUBLIC_URL + db);
  }

  @Test
  void refusesALinkToAServiceThatDoesNotExistOrTwoLinksOfOneName() {
    Reply missing = create("{\"image\": \"%s/demo/web:1.0.0\", \"linked_to_service\":"
        + " [{\"to_service\": \"/api/v1/service/7eaf7fff-882c-4f3d-9a8f-a22317ac00ce/\"}]}");
    assertProblem(missing, 400, "invalid-linked-to-service");
    assertThat(missing.detail()).isEqualTo("linked_to_service names /api/v1/service/7eaf7fff-882c-4f3d-9a8f-a22317ac00ce/,"
        + " which does not exist");
    String db = create("{\"image\": \"%s/demo/web:1.0.0\", \"name\": \"twice-db\"}").json().get("uuid").asString();
    Reply twice = create("{\"image\": \"%s/demo/web:1.0.0\", \"linked_to_service\": [{\"to_service\": \"" + db
        + "\"}, {\"to_service\": \"" + db + "\"}]}");
    assertProblem(twice, 400, "invalid-linked-to-service");
    assertThat(twice.detail()).isEqualTo("two links are named twice-db: name one of them");
    assertProblem(create("{\"image\": \"%s/demo/web:1.0.0\", \"linked_to_service\": [\"db\"]}"), 400,
        "invalid-linked-to-service");
  }

  private Reply create(String body) {
    return http.post("/api/v1/service/", body.formatted(REGISTRY.host()));
  }
}
