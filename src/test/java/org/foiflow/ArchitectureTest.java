package org.foiflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The package structure of foiflow's own code: feature packages depend on each other without cycles (casefile
 * is the base that depends on no other feature), and only the engine plugins and infrastructure listed below
 * reach into Camunda's internals ({@code org.camunda.bpm.engine.impl}), which are not public API and change
 * between releases.
 */
class ArchitectureTest {

  private static final String ENGINE_INTERNALS = "org.camunda.bpm.engine.impl..";

  /**
   * The classes that must use engine internals, and why. Nested and anonymous classes of each are included.
   * Keep it this short: {@link #everyAllowedClassStillNeedsTheEngineInternals} fails when one no longer needs it.
   */
  private static final Set<String> ENGINE_INTERNALS_ALLOWED = Set.of(
      // Engine plugins: AbstractProcessEnginePlugin and ProcessEngineConfigurationImpl are how a plugin is written
      "org.foiflow.casefile.LongText",             // plus the serializer and history producer it installs
      "org.foiflow.casefile.UserTaskListenerPlugin", // plus the BPMN parse listener (ActivityImpl, TaskDefinition)
      "org.foiflow.casefile.FeelParsedOnce",       // gives the DMN engine FEEL that parses each expression once
      "org.foiflow.security.AdminPasswordRule",
      "org.foiflow.security.FoiGroupSetup",
      "org.foiflow.demo.LeftoverDemoUsers",
      "org.foiflow.security.EndUserBoundary",      // plus the command interceptor and the commands it judges
      "org.foiflow.security.RuleRefusals",         // a command interceptor that notes which rule refused a request
      "org.foiflow.security.ConcurrentCompletion", // a command interceptor: an execution gone under a completion is a conflict
      "org.foiflow.contributions.UnitMemberView", // a command interceptor: unit members read only their task's form
      "org.foiflow.security.CommandGuards", // puts foiflow's command interceptors into the engine's configuration
      // UserTaskListenerPlugin subclasses: they add listeners to the parsed TaskDefinition
      "org.foiflow.casefile.CaseTaskNames",
      "org.foiflow.casefile.FormContractCheck",    // plus ClockUtil: dates are checked against the engine's clock
      "org.foiflow.monitoring.CaseStageIndexing",
      "org.foiflow.security.GroupTaskWork",        // plus the authorization provider and the acting user
      "org.foiflow.roundrobin.RoundRobinOfficer",  // plus the caller's authentication, set aside to act as the system
      // The signed-in user: IdentityService.getCurrentAuthentication() returns impl.identity.Authentication
      "org.foiflow.casefile.TaskActor",
      "org.foiflow.monitoring.DeadlineController",
      "org.foiflow.security.FoiTeam",              // the FOI-group check of the case search
      "org.foiflow.reporting.StatisticsController",
      "org.foiflow.contributions.OpenContribution", // the officer who asked a unit, for its escalation
      "org.foiflow.security.OnBehalfOfUser",       // plus Context/Command to act inside the engine's transaction
      // The engine's clock (ClockUtil), which the tests move, and the running command's context
      "org.foiflow.clock.CaseClock",
      "org.foiflow.monitoring.DeadlineWatch",
      "org.foiflow.drafting.LetterDrafter",
      "org.foiflow.correspondence.CaseLetters",
      "org.foiflow.release.DownloadLinks",         // a download link expires by the engine clock the tests move
      "org.foiflow.casefile.OriginalCases",        // reads the original case without authorization inside a command
      "org.foiflow.assessment.ExemptionCatalogue", // the DMN catalogue read inside the running command
      "org.foiflow.assessment.OfferedExemptions",  // a task listener on every model (as FormContractCheck)
      "org.foiflow.documents.CaseDocuments",       // the signed-in user, and the case's state read in one command
      // The engine's task manager, replaced for counts: the query's criteria, the user's rights, its connection
      "org.foiflow.monitoring.FilterCounts",
      "org.foiflow.security.EngineRestProblems");  // the command executor, to tell a missing task from a hidden one

  /** foiflow's main code only: tests (and the planted cycle under archfixture) may cross packages freely. */
  private static final JavaClasses FOIFLOW = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(location -> !location.contains("/org/foiflow/archfixture/"))
      .importPackages("org.foiflow");

  /** Each package directly under {@code root} is a slice; no two slices may depend on each other in a cycle. */
  static ArchRule packagesFreeOfCycles(String root) {
    return SlicesRuleDefinition.slices().matching(root + ".(*)..").should().beFreeOfCycles();
  }

  private static final DescribedPredicate<JavaClass> ALLOWED_ENGINE_INTERNALS_USERS =
      DescribedPredicate.describe("allowed to use the engine's internals", javaClass ->
          ENGINE_INTERNALS_ALLOWED.contains(javaClass.getName())
              || ENGINE_INTERNALS_ALLOWED.stream().anyMatch(name -> javaClass.getName().startsWith(name + "$")));

  @Test
  void featurePackagesAreFreeOfCycles() {
    packagesFreeOfCycles("org.foiflow").check(FOIFLOW);
  }

  /** {@code web} answers for every feature (the one error model of /api); no feature depends on it. */
  @Test
  void noFeatureDependsOnTheWebLayer() {
    noClasses().that().resideInAPackage("org.foiflow..").and().resideOutsideOfPackage("org.foiflow.web..")
        .should().dependOnClassesThat().resideInAPackage("org.foiflow.web..")
        .check(FOIFLOW);
  }

  @Test
  void theCycleRuleReportsAPlantedCycle() {
    JavaClasses planted = new ClassFileImporter().importPackages("org.foiflow.archfixture");
    assertThat(planted.stream().map(JavaClass::getSimpleName)).contains("Ask", "Answer");

    assertThat(packagesFreeOfCycles("org.foiflow.archfixture").evaluate(planted).hasViolation()).isTrue();
  }

  @Test
  void onlyTheAllowedClassesUseTheEngineInternals() {
    noClasses().that().resideInAPackage("org.foiflow..")
        .and(DescribedPredicate.not(ALLOWED_ENGINE_INTERNALS_USERS))
        .should().dependOnClassesThat().resideInAPackage(ENGINE_INTERNALS)
        .check(FOIFLOW);
  }

  @Test
  void everyAllowedClassStillNeedsTheEngineInternals() {
    List<String> noLongerNeeding = ENGINE_INTERNALS_ALLOWED.stream()
        .filter(name -> FOIFLOW.stream()
            .filter(javaClass -> javaClass.getName().equals(name) || javaClass.getName().startsWith(name + "$"))
            .flatMap(javaClass -> javaClass.getDirectDependenciesFromSelf().stream())
            .map(Dependency::getTargetClass)
            .noneMatch(target -> target.getPackageName().startsWith("org.camunda.bpm.engine.impl")))
        .sorted()
        .toList();
    assertThat(noLongerNeeding).as("allowed to use engine internals but no longer does").isEmpty();
  }
}
