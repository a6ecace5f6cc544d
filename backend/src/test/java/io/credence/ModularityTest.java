package io.credence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * The backend's application modules: each top-level package under {@code io.credence} with its
 * {@code package-info.java}. Verification fails when a module reaches into another's {@code
 * internal} or {@code web} package, uses a module it has not declared, or forms a cycle.
 */
class ModularityTest {

  /**
   * Only the backend's own main classes form modules: the zk, scoring-model and attestations
   * libraries share the {@code io.credence} root (e.g. {@code io.credence.scoring.features}) but
   * are plain dependencies, not parts of the backend's {@code scoring} or {@code attestation}
   * modules; test classes are left out, as by default.
   */
  static final ApplicationModules MODULES =
      ApplicationModules.of(
          CredenceApplication.class, location -> location.contains("/backend/target/classes/"));

  @Test
  void everyModuleKeepsToItsDeclaredDependenciesAndApi() {
    MODULES.verify();
  }

  @Test
  void theModulesAreThoseTheDesignNames() {
    assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
        .contains("platform", "auth", "borrower", "audit", "scoring", "attestation");
  }

  /** Proof that the check bites: a fixture module that reaches into another's internals. */
  @Test
  void reachingIntoAnotherModulesInternalsFailsVerification() {
    ApplicationModules fixture =
        ApplicationModules.of(
            "io.credence.modulithfixture", location -> true); // the fixture lives in test code
    assertThatThrownBy(fixture::verify)
        .isInstanceOf(Violations.class)
        .hasMessageContaining("intruder")
        .hasMessageContaining("internal");
  }

  /**
   * Writes the module diagram and canvases that docs/architecture.md links to. Spring Modulith
   * emits some lines in a different order from run to run, so a file whose lines are only reordered
   * is left as committed: running the tests leaves the working tree clean unless the modules really
   * changed.
   */
  @Test
  void writesTheModuleDocumentation() throws Exception {
    Path out = Path.of("..", "docs", "modules").toAbsolutePath().normalize();
    Path fresh = Path.of("target", "modules-docs").toAbsolutePath();
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(fresh.toString()))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
    Files.createDirectories(out);
    try (var written = Files.list(fresh)) {
      for (Path file : written.toList()) {
        Path committed = out.resolve(file.getFileName().toString());
        if (!Files.exists(committed) || !sameLines(file, committed)) {
          Files.copy(file, committed, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    assertThat(out.resolve("components.puml")).exists();
    try (var files = Files.list(out)) {
      assertThat(files.filter(p -> p.toString().endsWith(".adoc")).count())
          .isGreaterThanOrEqualTo(4);
    }
  }

  /** The same lines in any order (a table cell's first item carries the cell's "|"). */
  private static boolean sameLines(Path a, Path b) throws java.io.IOException {
    return normalised(a).equals(normalised(b));
  }

  private static List<String> normalised(Path file) throws java.io.IOException {
    return Files.readAllLines(file).stream()
        .map(line -> line.startsWith("|* ") ? line.substring(1) : line)
        .sorted()
        .toList();
  }
}
