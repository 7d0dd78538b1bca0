package io.mooring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shape the code keeps: packages without cycles, the Docker Engine spoken and known only by its adapter,
 * each face (Harmony, Tutum, the watchers, the dashboard) apart from the others, and no I/O in the
 * workflows module, whose workflow code must replay deterministically.
 */
class ArchitectureTest {

  private static final List<String> FACES = List.of("harmony", "tutum", "watch", "dashboard");

  /** The runtimes' adapters: the single engine, and Swarm (which connects as the engine's does). */
  private static final String[] ADAPTERS = {
    "io.mooring.activities.runtime.docker..", "io.mooring.activities.runtime.swarm.."
  };

  /** Read once for every rule: reading the classes is most of the test's time. */
  private static final JavaClasses mooring = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.mooring");

  @Test
  void noPackageDependsOnItselfThroughOthers() {
    slices().matching("io.mooring.(**)").should().beFreeOfCycles().check(mooring);
  }

  @Test
  void onlyTheDockerAdaptersSpeakDocker() {
    noClasses().that().resideOutsideOfPackages(ADAPTERS)
        .should().dependOnClassesThat().resideInAPackage("com.github.dockerjava..")
        .because("a second runtime is a package beside the Docker one, and nothing else changes")
        .check(mooring);
  }

  @Test
  void nothingOutsideTheDockerAdaptersKnowsThem() {
    noClasses().that().resideOutsideOfPackages(ADAPTERS)
        .should().dependOnClassesThat().resideInAPackage("io.mooring.activities.runtime.docker..")
        .because("the rest of Mooring uses the runtime port, whichever runtime is behind it")
        .check(mooring);
  }

  @Test
  void noFaceUsesAnother() {
    for (String face : FACES) {
      String[] others = FACES.stream().filter(other -> !other.equals(face))
          .map(other -> "io.mooring.api." + other + "..").toArray(String[]::new);
      noClasses().that().resideInAPackage("io.mooring.api." + face + "..")
          .should().dependOnClassesThat().resideInAnyPackage(others)
          .because("what two faces share lives in api.common")
          .check(mooring);
    }
  }

  @Test
  void nothingInTheWorkflowsModuleDoesIo() {
    noClasses().that().resideInAPackage("io.mooring.workflows..")
        .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.net..", "java.nio.file..",
            "java.nio.channels..", "java.sql..", "javax.sql..", "org.springframework.jdbc..",
            "com.github.dockerjava..")
        .because("workflows replay deterministically: their I/O runs in activities")
        .check(mooring);
  }
}
