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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

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
    server.start();
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
