package io.mooring.activities.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to an OCI distribution registry: resolves a tag to its manifest digest, and lists a
 * repository's tags page by page. Handles the three
 * ways registries admit a reader: anonymously, with HTTP basic auth, and with a bearer token fetched
 * from the token endpoint named in the registry's {@code WWW-Authenticate} challenge.
 *
 * <p>Written by hand on the JDK client: no maintained Java library resolves digests with token auth.
 */
public class RegistryClient {

  /** Every manifest kind a Docker Engine can pull, so the registry never answers 404 for the kind. */
  static final String MANIFEST_TYPES = String.join(", ",
      "application/vnd.oci.image.index.v1+json",
      "application/vnd.oci.image.manifest.v1+json",
      "application/vnd.docker.distribution.manifest.list.v2+json",
      "application/vnd.docker.distribution.manifest.v2+json");

  private static final Pattern CHALLENGE_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
  private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
  /** Tags asked for per page; registries may answer fewer, and say where the next page is. */
  static final int PAGE_SIZE = 1000;
  /** A repository with more pages than this is answered with what was read: a loop guard. */
  static final int MAX_PAGES = 200;

  private final HttpClient http;
  private final RegistryEndpoints endpoints;
  private final ObjectMapper json = JsonMapper.builder().build();

  public RegistryClient(RegistryEndpoints endpoints, Duration timeout) {
    this.endpoints = endpoints;
    this.http = HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  /** Resolves {@code image} (by tag) to the digest of its manifest. */
  public String resolveDigest(ImageReference image, Optional<RegistryCredentials> credentials)
      throws ImageUnreachableException, RegistryUnavailableException {
    URI manifest = endpoints.baseUri(image.registry())
        .resolve("/v2/" + image.path() + "/manifests/" + image.reference());
    HttpResponse<byte[]> response = send(image, manifest, "HEAD", credentials);
    if (response.statusCode() == 200) {
      Optional<String> digest = response.headers().firstValue("Docker-Content-Digest");
      if (digest.isPresent()) {
        return digest.get();
      }
      // Some registries omit the header on HEAD; the digest is then the hash of the body.
      return sha256(send(image, manifest, "GET", credentials).body());
    }
    if (response.statusCode() == 404 || response.statusCode() == 401 || response.statusCode() == 403) {
      throw new ImageUnreachableException(image + " is unreachable");
    }
    throw new RegistryUnavailableException(
        "Registry " + image.registry() + " answered HTTP " + response.statusCode() + " for " + image, null);
  }

  /**
   * Every tag of {@code repository}'s repository, following the registry's {@code Link: <…>;
   * rel="next"} pages. A registry that asks callers to slow down ({@code 429}, or {@code 503} with
   * {@code Retry-After}) is reported with the wait it asked for, so the caller can back off.
   */
  public List<String> listTags(ImageReference repository, Optional<RegistryCredentials> credentials)
      throws ImageUnreachableException, RegistryUnavailableException {
    URI base = endpoints.baseUri(repository.registry());
    URI page = base.resolve("/v2/" + repository.path() + "/tags/list?n=" + PAGE_SIZE);
    List<String> tags = new ArrayList<>();
    Set<URI> seen = new HashSet<>();
    for (int pages = 0; page != null && seen.add(page) && pages < MAX_PAGES; pages++) {
      HttpResponse<byte[]> response = send(repository, page, "GET", credentials, "application/json");
      if (response.statusCode() == 404 || response.statusCode() == 401 || response.statusCode() == 403) {
        throw new ImageUnreachableException(repository.repository() + " is unreachable");
      }
      if (response.statusCode() == 429 || response.statusCode() == 503) {
        throw new RegistryBusyException(repository.registry(), retryAfter(response));
      }
      if (response.statusCode() != 200) {
        throw new RegistryUnavailableException("Registry " + repository.registry() + " answered HTTP "
            + response.statusCode() + " for the tags of " + repository.repository(), null);
      }
      JsonNode names = json.readTree(response.body()).path("tags");
      names.forEach(name -> tags.add(name.asString()));
      page = response.headers().firstValue("Link").map(NEXT_LINK::matcher).filter(Matcher::find)
          .map(next -> base.resolve(next.group(1))).orElse(null);
    }
    return tags;
  }

  /** The wait a {@code Retry-After} header asks for, in seconds or as a date; 30 s when it names none. */
  private static Duration retryAfter(HttpResponse<?> response) {
    String value = response.headers().firstValue("Retry-After").orElse("").trim();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
    } catch (NumberFormatException notSeconds) {
      try {
        Duration until = Duration.between(Instant.now(),
            ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        return until.isNegative() ? Duration.ZERO : until;
      } catch (DateTimeParseException notADate) {
        return Duration.ofSeconds(30);
      }
    }
  }

  private HttpResponse<byte[]> send(
      ImageReference image, URI uri, String method, Optional<RegistryCredentials> credentials)
      throws RegistryUnavailableException {
    return send(image, uri, method, credentials, MANIFEST_TYPES);
  }

  private HttpResponse<byte[]> send(
      ImageReference image, URI uri, String method, Optional<RegistryCredentials> credentials, String accept)
      throws RegistryUnavailableException {
    HttpResponse<byte[]> response = exchange(uri, method, Optional.empty(), accept);
    if (response.statusCode() != 401) {
      return response;
    }
    String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
    if (challenge.regionMatches(true, 0, "Basic", 0, 5)) {
      if (credentials.isEmpty()) {
        return response;
      }
      return exchange(uri, method, Optional.of("Basic " + basic(credentials.get())), accept);
    }
    if (challenge.regionMatches(true, 0, "Bearer", 0, 6)) {
      Optional<String> token = fetchToken(image, challenge, credentials);
      if (token.isEmpty()) {
        return response;
      }
      return exchange(uri, method, Optional.of("Bearer " + token.get()), accept);
    }
    return response;
  }

  private Optional<String> fetchToken(
      ImageReference image, String challenge, Optional<RegistryCredentials> credentials)
      throws RegistryUnavailableException {
    Map<String, String> params = new LinkedHashMap<>();
    Matcher m = CHALLENGE_PARAM.matcher(challenge);
    while (m.find()) {
      params.put(m.group(1).toLowerCase(), m.group(2));
    }
    String realm = params.remove("realm");
    if (realm == null) {
      return Optional.empty();
    }
    params.putIfAbsent("scope", "repository:" + image.path() + ":pull");
    StringBuilder query = new StringBuilder();
    params.forEach((k, v) -> query.append(query.isEmpty() ? "?" : "&")
        .append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    HttpResponse<byte[]> response = exchange(
        URI.create(realm + query), "GET", credentials.map(c -> "Basic " + basic(c)), "application/json");
    if (response.statusCode() != 200) {
      return Optional.empty();
    }
    JsonNode body = json.readTree(response.body());
    JsonNode token = body.has("token") ? body.get("token") : body.get("access_token");
    return token == null ? Optional.empty() : Optional.of(token.asString());
  }

  private HttpResponse<byte[]> exchange(URI uri, String method, Optional<String> authorization, String accept)
      throws RegistryUnavailableException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(30))
        .header("Accept", accept)
        .method(method, HttpRequest.BodyPublishers.noBody());
    authorization.ifPresent(value -> request.header("Authorization", value));
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new RegistryUnavailableException(
          "Registry " + uri.getAuthority() + " did not answer: " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryUnavailableException("Interrupted while asking " + uri.getAuthority(), e);
    }
  }

  /** JDK connection errors often carry no message: say in words what happened. */
  private static String describe(IOException e) {
    if (e instanceof java.net.ConnectException) {
      return "connection refused";
    }
    if (e instanceof java.net.http.HttpTimeoutException) {
      return "no answer in time";
    }
    if (e instanceof java.net.UnknownHostException || e.getCause() instanceof java.nio.channels.UnresolvedAddressException) {
      return "unknown host";
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? "connection failed" : message;
  }

  private static String basic(RegistryCredentials credentials) {
    String pair = credentials.username() + ":" + credentials.password();
    return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(byte[] body) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
