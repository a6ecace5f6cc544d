package io.credence.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnvilBinaryTest {

  @Test
  void theBuildsAnvilIsFoundAboveTheJarsFolder(@TempDir Path repo) throws Exception {
    Path anvil = executable(repo.resolve(AnvilBinary.IN_BUILD));
    Path jarFolder = Files.createDirectories(repo.resolve("backend/target"));
    assertThat(AnvilBinary.find(null, List.of(jarFolder))).isEqualTo(anvil);
  }

  @Test
  void aConfiguredBinaryThatIsNotExecutableIsRefusedWithWhatToDo(@TempDir Path dir)
      throws Exception {
    Path notExecutable = Files.writeString(dir.resolve("anvil"), "not a binary");
    assertThatThrownBy(() -> AnvilBinary.find(notExecutable, List.of(dir)))
        .isInstanceOf(DemoStartException.class)
        .hasMessageContaining("credence.demo.anvil-binary " + notExecutable)
        .satisfies(
            e ->
                assertThat(((DemoStartException) e).action())
                    .contains("credence.demo.enabled=false"));
  }

  @Test
  void noAnvilAnywhereIsOneClearFailure(@TempDir Path empty) {
    assumeTrue(System.getenv("CREDENCE_ANVIL") == null, "CREDENCE_ANVIL is set");
    assumeTrue(
        List.of(System.getenv("PATH").split(":")).stream()
            .noneMatch(d -> Files.isExecutable(Path.of(d, "anvil"))),
        "anvil is on the PATH");
    assertThatThrownBy(() -> AnvilBinary.find(null, List.of(empty)))
        .isInstanceOf(DemoStartException.class)
        .hasMessageStartingWith("No Anvil binary for the demo chains")
        .satisfies(
            e -> assertThat(((DemoStartException) e).action()).contains("Build the project first"));
  }

  private static Path executable(Path file) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
