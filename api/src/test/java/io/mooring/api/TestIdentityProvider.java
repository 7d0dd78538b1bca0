package io.mooring.api;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * An identity provider for tests: a real RSA key pair whose public half is served as a JWK set on
 * 127.0.0.1, so Mooring validates tokens through its real path (fetch keys, check signature,
 * expiry, issuer, audience).
 */
public final class TestIdentityProvider implements AutoCloseable {

  public static final String AUDIENCE = "mooring";
  private static final String KEY_ID = "test-key";

  private final HttpServer server;
  private final RSAKey key = generate();
  private final RSAKey impostor = generate();
  private final java.util.concurrent.atomic.AtomicInteger fetches = new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicReference<Person> signedIn =
      new java.util.concurrent.atomic.AtomicReference<>(new Person("ada", List.of("Harmony Service Deployers")));
  private final Map<String, Login> codes = new java.util.concurrent.ConcurrentHashMap<>();

  public TestIdentityProvider() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/jwks", exchange -> {
      fetches.incrementAndGet();
      byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.createContext("/issuer/.well-known/openid-configuration", exchange -> json(exchange, 200, """
        {"issuer": "%1$s", "authorization_endpoint": "%2$s/authorize", "token_endpoint": "%2$s/token",
         "jwks_uri": "%3$s", "response_types_supported": ["code"], "subject_types_supported": ["public"],
         "id_token_signing_alg_values_supported": ["RS256"], "scopes_supported": ["openid"],
         "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"]}"""
        .formatted(issuer(), root(), jwkSetUri())));
    // The person at the browser is whoever signInAs named: the provider asks nothing and sends the
    // browser straight back with a code, as a provider with a live single sign-on session does.
    server.createContext("/authorize", exchange -> {
      Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
      String code = java.util.UUID.randomUUID().toString();
      codes.put(code, new Login(signedIn.get(), query.get("nonce"), query.get("client_id")));
      exchange.getResponseHeaders().add("Location", query.get("redirect_uri") + "?code=" + code + "&state="
          + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(302, -1);
      exchange.close();
    });
    server.createContext("/token", exchange -> {
      Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      Login login = codes.remove(body.get("code"));
      if (login == null) {
        json(exchange, 400, "{\"error\": \"invalid_grant\"}");
        return;
      }
      Instant expiry = Instant.now().plus(Duration.ofMinutes(10));
      String idToken = sign(key, new JWTClaimsSet.Builder(claims(login.person().user(), login.person().groups(), issuer(),
          login.clientId(), expiry)).issueTime(new Date()).claim("nonce", login.nonce()).build());
      json(exchange, 200, """
          {"access_token": "%s", "token_type": "Bearer", "expires_in": 600, "scope": "openid", "id_token": "%s"}"""
          .formatted(signedIn.get().accessToken().apply(this), idToken));
    });
    server.start();
  }

  /** Who signs in at the provider next, and which access token the provider hands Mooring for them. */
  public record Person(String user, List<String> groups, java.util.function.Function<TestIdentityProvider, String> accessToken) {
    public Person(String user, List<String> groups) {
      this(user, groups, provider -> provider.token(user, groups));
    }
  }

  private record Login(Person person, String nonce, String clientId) {}

  public void signInAs(Person person) {
    signedIn.set(person);
  }

  public String authorizationUri() {
    return root() + "/authorize";
  }

  public String tokenUri() {
    return root() + "/token";
  }

  private String root() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> values = new java.util.HashMap<>();
    for (String pair : encoded == null ? new String[0] : encoded.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  private static void json(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  public String jwkSetUri() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
  }

  public String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/issuer";
  }

  /** A valid token for {@code user} in these groups. */
  public String token(String user, List<String> groups) {
    return sign(key, claims(user, groups, issuer(), AUDIENCE, Instant.now().plus(Duration.ofMinutes(10))));
  }

  public String expired(String user, List<String> groups) {
    return sign(key, claims(user, groups, issuer(), AUDIENCE, Instant.now().minus(Duration.ofMinutes(10))));
  }

  public String fromAnotherIssuer(String user, List<String> groups) {
    return sign(key, claims(user, groups, "http://127.0.0.1:1/someone-else", AUDIENCE, Instant.now().plus(Duration.ofMinutes(10))));
  }

  public String forAnotherAudience(String user, List<String> groups) {
    return sign(key, claims(user, groups, issuer(), "another-service", Instant.now().plus(Duration.ofMinutes(10))));
  }

  /** How often Mooring has fetched the key set. */
  public int keySetFetches() {
    return fetches.get();
  }

  /** A valid signature and claims, but no expiry: a token that would work forever. */
  public String withoutExpiry(String user, List<String> groups) {
    var claims = new JWTClaimsSet.Builder(claims(user, groups, issuer(), AUDIENCE, Instant.now().plusSeconds(600)))
        .expirationTime(null).build();
    return sign(key, claims);
  }

  /** A valid token that names nobody: no subject claim. */
  public String withoutSubject(List<String> groups) {
    var claims = new JWTClaimsSet.Builder(claims("x", groups, issuer(), AUDIENCE, Instant.now().plusSeconds(600)))
        .subject(null).build();
    return sign(key, claims);
  }

  /** Signed by a key the provider never published, under a key id it has never used. */
  public String withUnknownKeyId(String user, List<String> groups) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
          .keyID("unknown-" + java.util.UUID.randomUUID()).build(),
          claims(user, groups, issuer(), AUDIENCE, Instant.now().plusSeconds(600)));
      jwt.sign(new RSASSASigner(impostor));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Same key id, same claims, signed by a key the provider never published. */
  public String forged(String user, List<String> groups) {
    return sign(impostor, claims(user, groups, issuer(), AUDIENCE, Instant.now().plus(Duration.ofMinutes(10))));
  }

  private static JWTClaimsSet claims(String user, List<String> groups, String issuer, String audience, Instant expiry) {
    return new JWTClaimsSet.Builder()
        .subject(user)
        .issuer(issuer)
        .audience(audience)
        .issueTime(Date.from(expiry.minus(Duration.ofMinutes(20))))
        .notBeforeTime(Date.from(expiry.minus(Duration.ofMinutes(20))))
        .expirationTime(Date.from(expiry))
        .claim("groups", groups)
        .build();
  }

  private static String sign(RSAKey key, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
