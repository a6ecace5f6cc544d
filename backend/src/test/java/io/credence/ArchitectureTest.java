package io.credence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/**
 * Rules Spring Modulith does not check (see {@link ModularityTest} for module boundaries):
 * persistence stays inside its module, no package cycles, constructor injection only.
 */
class ArchitectureTest {

  private static final JavaClasses BACKEND =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.credence");

  /** Persistence is a module's own business: other modules see its API, never its tables. */
  @Test
  void entitiesAndRepositoriesStayInsideTheirModule() {
    classes()
        .that()
        .areAnnotatedWith(Entity.class)
        .should()
        .resideInAPackage("io.credence.*.internal..")
        .orShould()
        .notBePublic()
        .check(BACKEND);
    classes()
        .that()
        .areAssignableTo(Repository.class)
        .should()
        .resideInAPackage("io.credence.*.internal..")
        .orShould()
        .notBePublic()
        .check(BACKEND);
  }

  /**
   * The scoring-model library's packages share the prefix {@code io.credence.scoring} with the
   * backend's {@code scoring} module (issue 11): history depends on the library's feature types,
   * scoring on history, which is no cycle between backend features.
   */
  private static final String[] SCORING_MODEL_LIBRARY = {
    "io.credence.scoring.artifact..",
    "io.credence.scoring.cli..",
    "io.credence.scoring.data..",
    "io.credence.scoring.evaluation..",
    "io.credence.scoring.features..",
    "io.credence.scoring.reasons..",
    "io.credence.scoring.scorecard..",
    "io.credence.scoring.simulation..",
    "io.credence.scoring.training.."
  };

  @Test
  void featurePackagesHaveNoCycles() {
    slices()
        .matching("io.credence.(*)..")
        .should()
        .beFreeOfCycles()
        .ignoreDependency(
            com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
            com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
                SCORING_MODEL_LIBRARY))
        .check(BACKEND);
  }

  @Test
  void platformDependsOnNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("io.credence.platform..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.credence.auth..",
            "io.credence.borrower..",
            "io.credence.audit..",
            "io.credence.history..",
            "io.credence.scoring..",
            "io.credence.proof..",
            "io.credence.attestation..",
            "io.credence.lender..",
            "io.credence.compliance..")
        .check(BACKEND);
  }

  @Test
  void constructorInjectionOnly() {
    noClasses()
        .should()
        .beAnnotatedWith(org.springframework.beans.factory.annotation.Autowired.class)
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("lombok.Data")
        .check(BACKEND);
    com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION.check(
        BACKEND);
  }
}
