package io.credence;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.ApiClient;
import io.credence.support.TestWallets;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Starts the packaged jar exactly as the README's run command does, in its own process: from a 0700
 * folder (as root on CI, so the embedded PostgreSQL, which runs as {@code nobody}, cannot reach
 * it), across a restart, beside a second start in the same folder, and with each start-up failure
 * an operator can meet. Every failure must be one line, with no stack trace, and a non-zero exit.
 */
class PackagedApplicationIT {

  // Generous: the first start also deploys the demo chains, and the machine may be busy.
  private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(8);
  private static final Path JAR = Path.of("target/credence-backend.jar").toAbsolutePath();
  private static final List<Path> FOLDERS = new ArrayList<>();

  /** The demo chains on free ports, so parallel checkouts' runs do not collide on 8545/8546. */
  private static final String DEMO_ON_FREE_PORTS = "--credence.demo.first-port=0";

  /** The platform's own failures are checked without the demo chains. */
  private static final String DEMO_OFF = "--credence.demo.enabled=false";

  @BeforeAll
  static void jarIsBuilt() {
    assertThat(JAR).exists();
  }

  @AfterAll
  static void removeFolders() throws Exception {
    for (Path folder : FOLDERS) {
      Path location = folder.resolve(".credence/postgres.location");
      if (Files.exists(location)) { // the relocated server files (root only)
        Path relocated = Path.of(Files.readString(location).strip()).getParent();
        new ProcessBuilder("rm", "-rf", relocated.toString()).start().waitFor();
      }
      new ProcessBuilder("rm", "-rf", folder.toString()).start().waitFor();
    }
  }

  @Test
  void startsFromA0700FolderKeepsItsDataAndLeavesARunningInstanceAlone() throws Exception {
    Path folder = privateFolder();
    int port = freePort();
    TestWallets.Evm wallet = TestWallets.Evm.random();
    String profileId;
    String anchor;

    Launch first = Launch.start(folder, Map.of(), "--server.port=" + port, DEMO_ON_FREE_PORTS);
    List<String> registries;
    try {
      assertThat(first.waitForHealth(port)).contains("\"status\":\"UP\"");
      assertThat(first.output())
          .contains("Credence portal: http://localhost:" + port + "/")
          .contains("Demo chains deployed and seeded")
          .contains("docs/demo.md")
          .doesNotContain("Using generated security password")
          .doesNotContain("\tat ");
      if (isRoot()) {
        // nobody cannot enter a root-owned 0700 folder: the server's files moved, and it says
        // where.
        assertThat(folder.resolve(".credence/postgres.location")).exists();
        assertThat(first.output()).contains("cannot reach").contains("keeps its files in");
      }
      // The default run configures both demo chains, each with its registry, and anchors the audit
      // log on 31337 into the anchor contract the demo deployed.
      anchor = anchorContract(first);
      registries = demoRegistries(port);
      assertThat(registries).hasSize(2).allMatch(r -> r.matches("0x[0-9a-fA-F]{40}"));
      ApiClient.Response signIn = new ApiClient(port).signIn(wallet);
      assertThat(signIn.status()).isEqualTo(200);
      assertThat(signIn.body().get("newProfile").asBoolean()).isTrue();
      profileId = signIn.body().get("profileId").asString();

      // A second start in the same folder is refused and leaves the first one serving.
      Launch second =
          Launch.start(folder, Map.of(), "--server.port=" + freePort(), DEMO_ON_FREE_PORTS);
      assertThat(second.waitForExit()).isNotZero();
      assertThat(second.errorLines())
          .singleElement()
          .asString()
          .contains("Credence could not start: Credence is already running with the data folder")
          .contains("pid " + first.pid());
      assertThat(second.output()).doesNotContain("\tat ").doesNotContain("Stopping a PostgreSQL");
      assertThat(first.waitForHealth(port)).contains("\"status\":\"UP\"");
      assertThat(new ApiClient(port).signIn(wallet).status()).isEqualTo(200);
    } finally {
      first.stop();
    }

    Launch again = Launch.start(folder, Map.of(), "--server.port=" + port, DEMO_ON_FREE_PORTS);
    try {
      assertThat(again.waitForHealth(port)).contains("\"status\":\"UP\"");
      // The demo chains were kept: nothing redeployed, the same registries configured.
      assertThat(again.output())
          .contains("Demo chains started with their kept state")
          .doesNotContain("deployed and seeded");
      assertThat(demoRegistries(port)).isEqualTo(registries);
      assertThat(anchorContract(again)).as("the same anchor contract").isEqualTo(anchor);
      ApiClient.Response signIn = new ApiClient(port).signIn(wallet);
      assertThat(signIn.body().get("newProfile").asBoolean()).isFalse();
      assertThat(signIn.body().get("profileId").asString()).isEqualTo(profileId);
    } finally {
      again.stop();
    }
  }

  @Test
  void aTakenPortIsOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      Launch launch =
          Launch.start(
              privateFolder(), Map.of(), "--server.port=" + taken.getLocalPort(), DEMO_OFF);
      assertOneLineFailure(
          launch, "Port " + taken.getLocalPort() + " is already in use. Stop what listens on it");
    }
  }

  @Test
  void anUnreachableExternalDatabaseIsOneLine() throws Exception {
    int closed = freePort();
    Launch launch =
        Launch.start(
            privateFolder(),
            Map.of(),
            "--server.port=" + freePort(),
            "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + closed + "/credence",
            "--spring.datasource.username=credence",
            "--spring.datasource.password=do-not-print-me",
            DEMO_OFF);
    assertOneLineFailure(
        launch, "Cannot reach PostgreSQL at 127.0.0.1:" + closed + "/credence: connection refused");
    assertThat(launch.output()).doesNotContain("do-not-print-me");
  }

  @Test
  void anUnusableDataFolderIsOneLine() throws Exception {
    Path folder = privateFolder();
    Path notAFolder = Files.writeString(folder.resolve("data-is-a-file"), "x");
    Launch launch =
        Launch.start(
            folder,
            Map.of("CREDENCE_DATA_DIR", notAFolder.toString()),
            "--server.port=" + freePort(),
            DEMO_OFF);
    assertOneLineFailure(
        launch, "The data folder " + notAFolder + " cannot be used (a file is in the way");
    assertThat(launch.errorLines().getFirst()).contains("Set CREDENCE_DATA_DIR");
  }

  @Test
  void aBadConfigurationValueIsOneLine() throws Exception {
    Launch launch =
        Launch.start(
            privateFolder(),
            Map.of(),
            "--server.port=" + freePort(),
            "--credence.embedded-db.max-connections=5",
            DEMO_OFF);
    assertOneLineFailure(
        launch,
        "Bad configuration value: credence.embedded-db.max-connections = \"5\" must be greater"
            + " than or equal to 10");
  }

  @Test
  void aTakenDemoChainPortIsOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      Launch launch =
          Launch.start(
              privateFolder(),
              Map.of(),
              "--server.port=" + freePort(),
              "--credence.demo.first-port=" + taken.getLocalPort());
      assertOneLineFailure(
          launch,
          "The demo chain 31337 (Anvil on port " + taken.getLocalPort() + ") did not start");
      assertThat(launch.errorLines().getFirst()).contains("credence.demo.first-port");
    }
  }

  /** The anchor contract the server's start-up line names (chain 31337, the demo's audit key). */
  private static String anchorContract(Launch launch) throws Exception {
    var pattern =
        java.util.regex.Pattern.compile(
            "Audit checkpoints are anchored on chain 31337 at (0x[0-9a-fA-F]{40}), signed by the"
                + " audit key 0x71be63f3384f5fb98995898a86b02fb2426c5788");
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1)); // logged once the server is ready
    while (true) {
      var line = pattern.matcher(launch.output());
      if (line.find()) {
        return line.group(1);
      }
      assertThat(Instant.now())
          .as("anchoring on the demo chain:%n%s", launch.output())
          .isBefore(deadline);
      Thread.sleep(250);
    }
  }

  /** The registry address of each chain GET /api/v1/chains lists, after checking the ids. */
  private static List<String> demoRegistries(int port) {
    ApiClient.Response chains = new ApiClient(port).get("/api/v1/chains");
    assertThat(chains.status()).isEqualTo(200);
    assertThat(chains.body().findValuesAsString("name")).containsExactly("demo-a", "demo-b");
    assertThat(chains.body().findValues("id"))
        .extracting(n -> n.asLong())
        .containsExactly(31337L, 31338L);
    return chains.body().findValuesAsString("registryAddress");
  }

  private static void assertOneLineFailure(Launch launch, String expected) throws Exception {
    assertThat(launch.waitForExit()).isNotZero();
    assertThat(launch.errorLines()).singleElement().asString().contains(expected);
    assertThat(launch.output()).doesNotContain("\tat ").doesNotContain("APPLICATION FAILED");
  }

  private static Path privateFolder() throws IOException {
    Path folder = Files.createTempDirectory("credence-0700-");
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    FOLDERS.add(folder);
    return folder;
  }

  private static boolean isRoot() throws Exception {
    Process id = new ProcessBuilder("id", "-u").start();
    return new String(id.getInputStream().readAllBytes()).trim().equals("0");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** One run of the jar as a user would start it, with its output in a file. */
  private record Launch(Process process, Path log) {

    static Launch start(Path folder, Map<String, String> env, String... args) throws IOException {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-jar");
      command.add(JAR.toString());
      command.addAll(List.of(args));
      Path log = Files.createTempFile(folder, "launch-", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(folder.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().remove("CREDENCE_DATA_DIR");
      builder.environment().putAll(env);
      return new Launch(builder.start(), log);
    }

    long pid() {
      return process.pid();
    }

    String output() throws IOException {
      return Files.readString(log);
    }

    /** The lines logged at ERROR level, or printed without a log prefix (e.g. a stack trace). */
    List<String> errorLines() throws IOException {
      return output()
          .lines()
          .filter(line -> line.contains(" ERROR ") || !line.matches("^\\d{4}-\\d\\d-\\d\\dT.*"))
          .filter(line -> !line.isBlank())
          .toList();
    }

    int waitForExit() throws InterruptedException {
      assertThat(process.waitFor(GIVE_UP_AFTER.toSeconds(), TimeUnit.SECONDS))
          .as("the failing start exits by itself")
          .isTrue();
      return process.exitValue();
    }

    String waitForHealth(int port) throws Exception {
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
              .timeout(Duration.ofSeconds(5))
              .build();
      Instant deadline = Instant.now().plus(GIVE_UP_AFTER);
      while (Instant.now().isBefore(deadline)) {
        assertThat(process.isAlive())
            .as("the application exited during start-up:%n%s", output())
            .isTrue();
        try {
          HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200) {
            return response.body();
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(250);
      }
      throw new AssertionError("not healthy within " + GIVE_UP_AFTER);
    }

    void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
