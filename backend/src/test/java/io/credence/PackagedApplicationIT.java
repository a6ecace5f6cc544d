package io.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Starts the packaged jar exactly as the README's run command does (embedded defaults, its own data
 * directory) and waits for it to report healthy and print the portal URL. Runs after {@code
 * package}, so it exercises the fat jar: migrations, templates and database binaries inside it.
 */
class PackagedApplicationIT {

  private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(4);

  @Test
  void jarStartsOnEmbeddedDefaultsAndReportsHealthy() throws Exception {
    Path jar = Path.of("target/credence-backend.jar").toAbsolutePath();
    assertThat(jar).exists();
    Path workDir = Files.createTempDirectory("credence-jar-");
    Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwxr-xr-x"));
    int port = freePort();
    Path log = workDir.resolve("app.log");
    Process app =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--server.port=" + port)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      Instant started = Instant.now();
      String health = waitForHealth(port, app);
      Duration took = Duration.between(started, Instant.now());
      System.out.printf("packaged jar healthy after %d ms%n", took.toMillis());
      assertThat(health).contains("\"status\":\"UP\"");
      assertThat(Files.readString(log)).contains("Credence portal: http://localhost:" + port + "/");
      assertThat(workDir.resolve(".credence/postgres/data/PG_VERSION")).exists();
    } finally {
      app.destroy();
      if (!app.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        app.destroyForcibly();
      }
      new ProcessBuilder("rm", "-rf", workDir.toString()).start().waitFor();
    }
  }

  private static String waitForHealth(int port, Process app) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
            .timeout(Duration.ofSeconds(5))
            .build();
    Instant deadline = Instant.now().plus(GIVE_UP_AFTER);
    while (Instant.now().isBefore(deadline)) {
      assertThat(app.isAlive()).as("the application exited during start-up").isTrue();
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return response.body();
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("not healthy within " + GIVE_UP_AFTER);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
