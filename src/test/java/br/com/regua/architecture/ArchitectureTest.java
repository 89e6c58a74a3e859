package br.com.regua.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.debt.DebtLifecycle;
import br.com.regua.debt.DebtRepository;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The package rules a newcomer can rely on: top-level packages are features or foundations, and
 * dependencies point one way, down {@link #TOP_DOWN}. See "Where to find what" in the README.
 */
class ArchitectureTest {

  private static final String ROOT = "br.com.regua";

  /**
   * Every top-level package, from the top down: a package may use only the packages listed after
   * it. {@code devkit} (the in-JVM engine, the development providers, the simulator) is at the top
   * because nothing in production may use it; the engine gateway and the value types are at the
   * bottom because they use no feature.
   */
  static final List<String> TOP_DOWN =
      List.of(
          "devkit",
          "audit",
          "kpi",
          "desk",
          "portal",
          "openapi",
          "tasks",
          "debtor",
          "agreement",
          "negativation",
          "journey",
          "payment",
          "contact",
          "engagement",
          "promise",
          "dispute",
          "hold",
          "document",
          "debt",
          "consent",
          "charge",
          "creditor",
          "security",
          "engine",
          "ops",
          "http",
          "brazil",
          "money",
          "api");

  private static final JavaClasses PRODUCTION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(ROOT);

  @Test
  void noCycleBetweenTopLevelPackages() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(PRODUCTION);
  }

  @Test
  void dependenciesPointDownTheList() {
    List<String> upward = new ArrayList<>();
    for (JavaClass origin : PRODUCTION) {
      String from = topLevelPackage(origin);
      if (from == null) {
        continue;
      }
      origin.getDirectDependenciesFromSelf().stream()
          .map(d -> d.getTargetClass())
          .map(ArchitectureTest::topLevelPackage)
          .filter(to -> to != null && !to.equals(from))
          .filter(to -> TOP_DOWN.indexOf(to) < TOP_DOWN.indexOf(from))
          .forEach(to -> upward.add(origin.getName() + " -> " + to));
    }
    assertThat(new TreeSet<>(upward)).as("dependencies pointing up TOP_DOWN").isEmpty();
  }

  @Test
  void everyTopLevelPackageHasItsPlaceInTheList() {
    TreeSet<String> packages = new TreeSet<>();
    for (JavaClass c : PRODUCTION) {
      String name = topLevelPackage(c);
      if (name != null) {
        packages.add(name);
      }
    }
    assertThat(packages).containsExactlyInAnyOrderElementsOf(TOP_DOWN);
  }

  @Test
  void productionCodeNeverUsesTheDevelopmentKit() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".devkit..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".devkit..")
        .because("devkit/ is for development, tests and simulation; production runs without it")
        .check(PRODUCTION);
  }

  @Test
  void onlyTheDevelopmentKitReachesTheInJvmEngine() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".devkit..")
        .and()
        .resideOutsideOfPackage("io.camunda.zeebe.process.test..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.camunda.zeebe.process.test..")
        .because("zeebe-process-test's engine is for non-production use; only devkit/ runs it")
        .check(PRODUCTION);
  }

  /** The methods of {@link DebtRepository} that write a debt's status. */
  private static final Set<String> STATUS_WRITERS =
      Set.of("setStatus", "updateBalance", "closeIfOpen", "returnToCollection");

  @Test
  void onlyTheLifecycleWritesADebtsStatus() {
    DescribedPredicate<JavaMethodCall> writesStatus =
        DescribedPredicate.describe(
            "write a debt's status",
            call ->
                call.getTargetOwner().isEquivalentTo(DebtRepository.class)
                    && STATUS_WRITERS.contains(call.getName()));
    noClasses()
        .that()
        .doNotBelongToAnyOf(DebtLifecycle.class, DebtRepository.class)
        .should()
        .callMethodWhere(writesStatus)
        .because("DebtLifecycle owns the transitions and writes each one's timeline entry")
        .check(PRODUCTION);
  }

  /** The first package segment below the root, or null for the root and other libraries. */
  private static String topLevelPackage(JavaClass c) {
    String name = c.getPackageName();
    if (!name.startsWith(ROOT + ".")) {
      return null;
    }
    String rest = name.substring(ROOT.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
