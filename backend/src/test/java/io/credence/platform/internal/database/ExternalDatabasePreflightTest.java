package io.credence.platform.internal.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class ExternalDatabasePreflightTest {

  @Test
  void describesHostPortAndDatabaseButNeverTheQueryString() {
    assertThat(
            ExternalDatabasePreflight.describe(
                "jdbc:postgresql://db.internal:6543/credence?user=app&password=hunter2"))
        .isEqualTo("db.internal:6543/credence");
    assertThat(ExternalDatabasePreflight.describe("jdbc:postgresql://db.internal/credence"))
        .isEqualTo("db.internal:5432/credence");
  }

  @Test
  void unreachableServerIsOneLineNamingTheHostWithoutThePassword() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/credence";
    assertThatThrownBy(() -> ExternalDatabasePreflight.check(url, "app", "s3cret-pw"))
        .isInstanceOf(DatabaseUnreachableException.class)
        .hasMessage(
            "Cannot reach PostgreSQL at 127.0.0.1:" + closedPort + "/credence: connection refused")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret-pw"));
  }
}
