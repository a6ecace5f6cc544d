package io.credence.platform.internal.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.CredenceApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The embedded database keeps its data across a full stop and start of the application. */
class EmbeddedPostgresRestartIT {

  @Test
  void profileCreatedBeforeARestartIsStillThereAfterIt() throws Exception {
    Path root = Files.createTempDirectory("credence-restart-");
    Files.setPosixFilePermissions(
        root, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    UUID profile = UUID.randomUUID();
    try {
      try (ConfigurableApplicationContext first = start(root)) {
        first
            .getBean(JdbcTemplate.class)
            .update("INSERT INTO borrower_profile (id, created_at) VALUES (?, now())", profile);
      }
      assertThat(root.resolve("postgres/data/PG_VERSION")).exists();
      try (ConfigurableApplicationContext second = start(root)) {
        Integer found =
            second
                .getBean(JdbcTemplate.class)
                .queryForObject(
                    "SELECT count(*) FROM borrower_profile WHERE id = ?", Integer.class, profile);
        assertThat(found).isEqualTo(1);
      }
    } finally {
      new ProcessBuilder("rm", "-rf", root.toString()).start().waitFor();
    }
  }

  private static ConfigurableApplicationContext start(Path root) {
    return new SpringApplicationBuilder(CredenceApplication.class)
        .run(
            "--server.port=0",
            "--credence.embedded-db.data-root=" + root,
            "--credence.embedded-db.ephemeral=false",
            "--credence.embedded-db.durable=false",
            "--spring.main.banner-mode=off");
  }
}
