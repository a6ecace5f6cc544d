package io.credence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
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

  /** Writes the module diagram and canvases that docs/architecture.md links to. */
  @Test
  void writesTheModuleDocumentation() throws Exception {
    Path out = Path.of("..", "docs", "modules").toAbsolutePath().normalize();
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(out.toString()))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
    assertThat(out.resolve("components.puml")).exists();
    assertThat(Files.list(out).filter(p -> p.toString().endsWith(".adoc")).count())
        .isGreaterThanOrEqualTo(4);
  }
}
