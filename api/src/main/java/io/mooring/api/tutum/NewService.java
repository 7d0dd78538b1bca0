package io.mooring.api.tutum;

import io.mooring.activities.access.ServiceApiAccess;
import io.mooring.activities.registry.RegistrySettings;
import io.mooring.activities.services.ContainerSettings;
import io.mooring.activities.services.CrashPolicy;
import io.mooring.activities.services.Networking;
import io.mooring.activities.services.PortSpec;
import io.mooring.activities.services.ServiceDefinition;
import io.mooring.api.common.errors.ApiProblem;
import io.mooring.api.common.errors.BodyParameters;
import io.mooring.api.common.images.TagRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The body of Tutum's {@code POST /api/v1/service/}, checked field by field: every refusal names
 * the field and what it takes.
 *
 * @param baseName the unique name to start from: the name, lowercased, in the letters Harmony's
 *     paths and container names take
 */
record NewService(String displayName, String baseName, ServiceDefinition definition, List<String> tags,
    List<LinkAsked> links) {

  /**
   * One of {@code linked_to_service} as asked: the service is still to be found.
   *
   * @param name the link's name; null for the linked service's own name
   */
  record LinkAsked(String name, UUID toService) {}

  static final List<String> PARAMETERS = List.of("image", "name", "target_num_containers", "run_command", "entrypoint",
      "container_ports", "container_envvars", "linked_to_service", "autorestart", "autoreplace", "autodestroy",
      "sequential_deployment", "roles", "privileged", "memory", "cpu_shares", "tags");
  static final int MAX_CONTAINERS = 50;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,55}");
  private static final Pattern REPOSITORY = Pattern.compile("([a-z0-9.-]+(:[0-9]+)?/)?[a-z0-9._-]+(/[a-z0-9._-]+)*");
  private static final Pattern ENV_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,255}");
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

  /** @param registries where images named without a registry host live, and which hosts may be named */
  static NewService read(JsonNode body, RegistrySettings registries) {
    if (body == null || !body.isObject()) {
      throw invalid("body", "the body must be a JSON object with at least \"image\"");
    }
    BodyParameters.onlyAllowed(body, PARAMETERS);
    String image = text(body, "image", true);
    int colon = image.lastIndexOf(':');
    boolean hasTag = colon > image.lastIndexOf('/');
    String named = hasTag ? image.substring(0, colon) : image;
    String tag = hasTag ? image.substring(colon + 1) : "latest";
    if (!REPOSITORY.matcher(named).matches() || !TagRule.allows(tag)) {
      throw invalid("image", "image must be repository[:tag], such as 127.0.0.1:5000/demo/hello:1.0");
    }
    String repository = registries.qualify(named).orElseThrow(() -> invalid("image", "image " + named
        + " is on a registry services may not come from; they may come from " + String.join(", ", registries.allowedHosts())));
    String name = text(body, "name", false);
    if (name == null) {
      String last = named.substring(named.lastIndexOf('/') + 1);
      name = last.length() > 56 ? last.substring(0, 56) : last;
    }
    if (!NAME.matcher(name).matches()) {
      throw invalid("name", "name must start with a letter or digit and take letters, digits, '_', '.' and '-',"
          + " at most 56 characters");
    }
    String baseName = name.toLowerCase(Locale.ROOT).replace('_', '-').replace('.', '-');
    int target = integer(body, "target_num_containers", 1, 0, MAX_CONTAINERS);
    List<PortSpec> ports = ports(body.get("container_ports"), target);
    ContainerSettings container = new ContainerSettings(
        Networking.BRIDGE,
        ports,
        text(body, "run_command", false),
        text(body, "entrypoint", false),
        body.has("memory") && !body.get("memory").isNull() ? integer(body, "memory", 0, 4, 1_048_576) : null,
        body.has("cpu_shares") && !body.get("cpu_shares").isNull() ? integer(body, "cpu_shares", 0, 2, 262_144) : null,
        bool(body, "privileged"),
        policy(body, "autorestart"),
        policy(body, "autoreplace"),
        policy(body, "autodestroy"),
        bool(body, "sequential_deployment"),
        roles(body.get("roles")),
        List.of());
    List<LinkAsked> links = links(body.get("linked_to_service"));
    ServiceDefinition definition = new ServiceDefinition(baseName, repository, tag, null, target, 0, null,
        env(body.get("container_envvars")), null, null, null, container);
    return new NewService(name, baseName, definition, tags(body.get("tags")), links);
  }

  private static final Pattern LINK_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

  private static List<LinkAsked> links(JsonNode node) {
    List<LinkAsked> links = new ArrayList<>();
    if (node == null || node.isNull()) {
      return links;
    }
    String shape = "linked_to_service must be a list of {\"to_service\": \"/api/v1/service/<uuid>/\", \"name\"}";
    if (!node.isArray()) {
      throw invalid("linked_to_service", shape);
    }
    for (JsonNode link : node) {
      if (!link.isObject()) {
        throw invalid("linked_to_service", shape);
      }
      BodyParameters.onlyAllowed(link, List.of("to_service", "name", "from_service"));
      JsonNode to = link.get("to_service");
      UUID target = to != null && to.isString() ? TutumUris.serviceUuidIn(to.asString()).orElse(null) : null;
      if (target == null) {
        throw invalid("linked_to_service", shape);
      }
      String name = text(link, "name", false);
      if (name != null && !LINK_NAME.matcher(name).matches()) {
        throw invalid("linked_to_service", "a link's name starts with a letter and takes letters, digits, '_' and"
            + " '-', at most 64 characters: it becomes the prefix of environment variables");
      }
      links.add(new LinkAsked(name, target));
    }
    return links;
  }

  private static List<PortSpec> ports(JsonNode node, int target) {
    List<PortSpec> ports = new ArrayList<>();
    if (node == null || node.isNull()) {
      return ports;
    }
    if (!node.isArray()) {
      throw invalid("container_ports", "container_ports must be a list of {\"protocol\", \"inner_port\", \"outer_port\","
          + " \"published\"}");
    }
    for (JsonNode port : node) {
      if (!port.isObject()) {
        throw invalid("container_ports", "each of container_ports must be an object");
      }
      BodyParameters.onlyAllowed(port, List.of("protocol", "inner_port", "outer_port", "published", "port_name"));
      JsonNode given = port.get("protocol");
      String protocol = given == null || given.isNull() ? "tcp" : given.isString() ? given.asString() : "";
      if (!"tcp".equals(protocol) && !"udp".equals(protocol)) {
        throw invalid("container_ports", "protocol must be tcp or udp");
      }
      int inner = integer(port, "inner_port", -1, 1, 65535);
      if (inner < 0) {
        throw invalid("container_ports", "inner_port is required, from 1 to 65535");
      }
      Integer outer = port.has("outer_port") && !port.get("outer_port").isNull()
          ? integer(port, "outer_port", 0, 1, 65535) : null;
      boolean published = bool(port, "published") || outer != null;
      if (outer != null && target > 1) {
        throw new ApiProblem(org.springframework.http.HttpStatus.CONFLICT, "port-conflict", "outer_port " + outer
            + " can be published by one container only, and target_num_containers is " + target
            + ": leave outer_port out to publish each container on a free port");
      }
      if (ports.stream().anyMatch(p -> p.inner() == inner && p.protocol().equals(protocol))) {
        throw invalid("container_ports", "inner_port " + inner + "/" + protocol + " is listed twice");
      }
      ports.add(new PortSpec(inner, outer, protocol, published));
    }
    return ports;
  }

  private static Map<String, String> env(JsonNode node) {
    Map<String, String> env = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return env;
    }
    if (!node.isArray()) {
      throw invalid("container_envvars", "container_envvars must be a list of {\"key\", \"value\"}");
    }
    for (JsonNode variable : node) {
      if (!variable.isObject() || !variable.path("key").isString() || !variable.path("value").isString()) {
        throw invalid("container_envvars", "each of container_envvars must be {\"key\": string, \"value\": string}");
      }
      BodyParameters.onlyAllowed(variable, List.of("key", "value"));
      String key = variable.get("key").asString();
      if (!ENV_KEY.matcher(key).matches()) {
        throw invalid("container_envvars", "'" + key + "' is not an environment variable name");
      }
      String value = storable("container_envvars", variable.get("value").asString());
      if (value.length() > 4096) {
        throw invalid("container_envvars", "the value of " + key + " is longer than 4096 characters");
      }
      if (env.put(key, value) != null) {
        throw invalid("container_envvars", key + " is given twice");
      }
    }
    return env;
  }

  /** Tutum's tags: a list of names, or of {@code {"name": …}} objects as Tutum shows them. */
  static List<String> tags(JsonNode node) {
    List<String> tags = new ArrayList<>();
    if (node == null || node.isNull()) {
      return tags;
    }
    if (!node.isArray()) {
      throw invalid("tags", "tags must be a list of names");
    }
    for (JsonNode tag : node) {
      String name = tag.isString() ? tag.asString() : tag.isObject() && tag.path("name").isString()
          ? tag.get("name").asString() : null;
      if (name == null || !LABEL.matcher(name).matches()) {
        throw invalid("tags", "each tag must be a name of letters, digits, '_', '.' and '-', at most 64 characters");
      }
      tags.add(name);
    }
    return tags;
  }

  private static CrashPolicy policy(JsonNode body, String field) {
    if (!body.has(field) || body.get(field).isNull()) {
      return CrashPolicy.OFF;
    }
    JsonNode node = body.get(field);
    return CrashPolicy.parse(node.isString() ? node.asString() : "").orElseThrow(() ->
        invalid(field, field + " must be OFF, ON_FAILURE or ALWAYS"));
  }

  /** Tutum's API roles: {@code global} is the one there is. */
  private static List<String> roles(JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    String shape = "roles must be a list of Tutum API roles: [] or [\"" + ServiceApiAccess.GLOBAL + "\"]";
    if (!node.isArray() || node.size() > 1) {
      throw invalid("roles", shape);
    }
    for (JsonNode role : node) {
      if (!role.isString() || !ServiceApiAccess.GLOBAL.equals(role.asString())) {
        throw invalid("roles", shape);
      }
    }
    return node.isEmpty() ? List.of() : List.of(ServiceApiAccess.GLOBAL);
  }

  private static String text(JsonNode body, String field, boolean required) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      if (required) {
        throw invalid(field, field + " is required");
      }
      return null;
    }
    if (!node.isString() || node.asString().isBlank() || node.asString().length() > 4096) {
      throw invalid(field, field + " must be a non-empty string of at most 4096 characters");
    }
    return storable(field, node.asString());
  }

  /** A NUL character cannot be stored (PostgreSQL refuses it in text) nor passed to a container. */
  private static String storable(String field, String text) {
    if (text.indexOf('\u0000') >= 0) {
      throw invalid(field, field + " must not contain the NUL character");
    }
    return text;
  }

  private static int integer(JsonNode body, String field, int fallback, int min, int max) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < min || node.asInt() > max) {
      throw invalid(field, field + " must be a whole number from " + min + " to " + max);
    }
    return node.asInt();
  }

  private static boolean bool(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return false;
    }
    if (!node.isBoolean()) {
      throw invalid(field, field + " must be true or false");
    }
    return node.asBoolean();
  }

  private static ApiProblem invalid(String field, String detail) {
    return ApiProblem.badRequest("invalid-" + field.replace('_', '-'), detail);
  }
}
