package io.credence.demo.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Finds the Anvil executable the build installed with the attestations module's npm packages. */
final class AnvilBinary {

  static final Path IN_BUILD =
      Path.of("attestations", "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");

  private AnvilBinary() {}

  /**
   * The configured binary, else {@link #IN_BUILD} in any parent of the given folders, else {@code
   * CREDENCE_ANVIL}, else {@code anvil} on the PATH.
   *
   * @throws DemoStartException if there is none
   */
  static Path find(Path configured, List<Path> searchFrom) {
    if (configured != null && !configured.toString().isBlank()) {
      if (!Files.isExecutable(configured)) {
        throw new DemoStartException(
            "credence.demo.anvil-binary " + configured + " is not an executable file.",
            "Point it at Anvil, or set credence.demo.enabled=false.",
            null);
      }
      return configured;
    }
    Set<Path> looked = new LinkedHashSet<>();
    for (Path start : searchFrom) {
      for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
        Path candidate = dir.resolve(IN_BUILD);
        looked.add(candidate);
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    String env = System.getenv("CREDENCE_ANVIL");
    if (env != null && !env.isBlank() && Files.isExecutable(Path.of(env))) {
      return Path.of(env);
    }
    Optional<Path> onPath = onPath();
    if (onPath.isPresent()) {
      return onPath.get();
    }
    List<Path> starts = new ArrayList<>(searchFrom);
    throw new DemoStartException(
        "No Anvil binary for the demo chains: none at "
            + IN_BUILD
            + " above "
            + starts
            + ", no CREDENCE_ANVIL, no anvil on the PATH.",
        "Build the project first (the attestations build installs Anvil from npm), set"
            + " credence.demo.anvil-binary, or set credence.demo.enabled=false.",
        null);
  }

  private static Optional<Path> onPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isBlank()) {
        Path candidate = Path.of(dir, "anvil");
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
