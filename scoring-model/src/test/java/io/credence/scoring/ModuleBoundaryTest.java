package io.credence.scoring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** scoring-model is plain Java + Tribuo: no Spring, JPA or web3j, and scoring needs no Tribuo. */
class ModuleBoundaryTest {

  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.credence.scoring");

  @Test
  void noSpringJpaOrWeb3j() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "org.web3j..")
        .check(CLASSES);
  }

  @Test
  void runtimeScoringDoesNotNeedTribuo() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.credence.scoring.features..",
            "io.credence.scoring.scorecard..",
            "io.credence.scoring.reasons..",
            "io.credence.scoring.artifact..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.tribuo..", "com.oracle.labs..")
        .check(CLASSES);
  }
}
