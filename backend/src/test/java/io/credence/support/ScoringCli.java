package io.credence.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The scoring-model CLI, run in its own JVM on this test's class path, as a user would run it. */
public final class ScoringCli {

  /** The bundled scorecard, relative to the backend module's folder (the tests' working folder). */
  private static final Path BUNDLED_MODEL =
      Path.of(
          "..",
          "scoring-model",
          "src",
          "main",
          "resources",
          "io",
          "credence",
          "scoring",
          "model",
          "scorecard.json");

  private ScoringCli() {}

  /** {@code score --model <bundled> --history FILE}: everything it prints (stdout and stderr). */
  public static String scoreHistory(Path history) throws Exception {
    Process cli =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElseThrow(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.credence.scoring.cli.Main",
                "score",
                "--model",
                BUNDLED_MODEL.toString(),
                "--history",
                history.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    cli.waitFor();
    return output;
  }
}
