package io.credence.platform.internal.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.CredenceApplication;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** With spring.datasource.url set, the embedded server is not started and an outage is one line. */
@ExtendWith(OutputCaptureExtension.class)
class ExternalDatabaseStartupIT {

  @Test
  void unreachableExternalDatabaseFailsStartUpWithOneLineNamingTheHost(CapturedOutput output)
      throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/credence";
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(CredenceApplication.class)
                    .web(WebApplicationType.NONE)
                    .run(
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=credence",
                        "--spring.datasource.password=do-not-print-me",
                        "--spring.main.banner-mode=off"))
        .hasRootCauseInstanceOf(DatabaseUnreachableException.class);
    assertThat(output.getOut() + output.getErr())
        .contains("Cannot reach PostgreSQL at 127.0.0.1:" + port + "/credence: connection refused")
        .doesNotContain("do-not-print-me")
        .doesNotContain("Embedded PostgreSQL is up")
        .doesNotContain("HikariPool");
  }
}
