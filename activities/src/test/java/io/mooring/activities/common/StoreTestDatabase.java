package io.mooring.activities.common;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A fresh H2 database with Mooring's schema, as the embedded default runs it. */
public final class StoreTestDatabase {
  private StoreTestDatabase() {}

  public static JdbcClient create(Path directory) {
    return JdbcClient.create(dataSource(directory));
  }

  /** The same database, for stores that also write in JDBC batches. */
  public static DataSource dataSource(Path directory) {
    return migrated(directory, null);
  }

  /** The schema as it was at {@code version} (all of it when null), for a migration to be tested from there. */
  public static JdbcClient migrate(Path directory, String version) {
    return JdbcClient.create(migrated(directory, version));
  }

  private static DataSource migrated(Path directory, String version) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:file:" + directory.resolve("store") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
    var flyway = Flyway.configure().dataSource(dataSource);
    if (version != null) {
      flyway = flyway.target(version);
    }
    flyway.load().migrate();
    return dataSource;
  }
}
