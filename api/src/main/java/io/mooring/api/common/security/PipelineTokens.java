package io.mooring.api.common.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pipeline tokens: created with a random secret that is shown once, stored as a hash, looked up by
 * that hash, revoked by name. A revoked token's name stays taken, so logs keep one meaning.
 */
@Component
public class PipelineTokens {

  /** Marks Mooring's own tokens, so they are told apart from JWTs without a lookup. */
  static final String PREFIX = "mooring_";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final TransactionTemplate transaction;
  private final SecureRandom random = new SecureRandom();

  public PipelineTokens(JdbcClient jdbc, Clock clock, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.transaction = transaction;
  }

  /** A new token and its secret, which is never stored and cannot be shown again. */
  public record Issued(PipelineToken token, String secret) {}

  /** Creates a token; empty when the name is taken. */
  public Optional<Issued> create(String name, Role role, String createdBy) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    var now = clock.instant();
    try {
      jdbc.sql("""
              INSERT INTO api_token (name, role, token_hash, created_by, created_at)
              VALUES (:name, :role, :hash, :createdBy, :createdAt)""")
          .param("name", name)
          .param("role", role.label())
          .param("hash", hash(secret))
          .param("createdBy", createdBy)
          .param("createdAt", Timestamp.from(now))
          .update();
    } catch (org.springframework.dao.DuplicateKeyException taken) {
      return Optional.empty();
    }
    return Optional.of(new Issued(new PipelineToken(name, role, createdBy, now, null), secret));
  }

  /** The live token with this secret, if any. */
  public Optional<PipelineToken> authenticate(String secret) {
    if (!secret.startsWith(PREFIX)) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM api_token WHERE token_hash = :hash AND revoked_at IS NULL")
        .param("hash", hash(secret))
        .query(this::row)
        .optional();
  }

  public List<PipelineToken> all() {
    return jdbc.sql("SELECT * FROM api_token ORDER BY name").query(this::row).list();
  }

  public Optional<PipelineToken> find(String name) {
    return jdbc.sql("SELECT * FROM api_token WHERE name = :name").param("name", name).query(this::row).optional();
  }

  /** What became of a request to revoke a token. */
  public enum Revocation { REVOKED, NOT_FOUND, ALREADY_REVOKED, LAST_ADMIN }

  /**
   * Revokes the named token, unless it is the last live admin token: with none left, nobody could
   * ever manage tokens again. The live admin rows are locked first, always in the same order, so two
   * admins revoking each other's token at once cannot both succeed (nor deadlock).
   */
  public Revocation revoke(String name) {
    return transaction.execute(status -> revokeLocked(name));
  }

  private Revocation revokeLocked(String name) {
    List<String> liveAdmins = jdbc.sql("""
            SELECT name FROM api_token WHERE role = 'admin' AND revoked_at IS NULL ORDER BY name FOR UPDATE""")
        .query(String.class).list();
    Optional<PipelineToken> token = find(name);
    if (token.isEmpty()) {
      return Revocation.NOT_FOUND;
    }
    if (token.get().revokedAt() != null) {
      return Revocation.ALREADY_REVOKED;
    }
    if (liveAdmins.equals(List.of(name))) {
      return Revocation.LAST_ADMIN;
    }
    jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE name = :name AND revoked_at IS NULL")
        .param("now", Timestamp.from(clock.instant()))
        .param("name", name)
        .update();
    return Revocation.REVOKED;
  }

  /** Whether any admin token still works: when none does, the first start's bootstrap runs again. */
  public boolean anyLiveAdmin() {
    return jdbc.sql("SELECT COUNT(*) FROM api_token WHERE role = 'admin' AND revoked_at IS NULL")
        .query(Long.class).single() > 0;
  }

  /** A name no token has had yet: {@code base}, or {@code base-2}, {@code base-3}, … */
  public String freeName(String base) {
    String name = base;
    for (int n = 2; find(name).isPresent(); n++) {
      name = base + "-" + n;
    }
    return name;
  }

  static boolean looksLikeOurs(String token) {
    return token.startsWith(PREFIX);
  }

  private PipelineToken row(ResultSet rs, int rowNum) throws SQLException {
    Timestamp revoked = rs.getTimestamp("revoked_at");
    return new PipelineToken(
        rs.getString("name"),
        Role.parse(rs.getString("role")).orElseThrow(),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(),
        revoked == null ? null : revoked.toInstant());
  }

  private static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
