package aero.severity.ml;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** ml's structure, stated so it cannot rot silently. */
@AnalyzeClasses(packages = "aero.severity.ml", importOptions = ImportOption.DoNotIncludeTests.class)
class MlArchitectureTest {

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles =
            slices().matching("aero.severity.ml.(*)..").should().beFreeOfCycles();

    /** The api's contract with ml depends on nothing else of ml, so the api can never pull training in through it. */
    @ArchTest
    static final ArchRule theServingContractStandsAlone = noClasses()
            .that()
            .resideInAPackage("aero.severity.ml.serving..")
            .should()
            .dependOnClassesThat(
                    resideInAPackage("aero.severity.ml..").and(resideOutsideOfPackage("aero.severity.ml.serving..")));

    /** ingest and ml stand side by side: neither knows the other's code. */
    @ArchTest
    static final ArchRule nothingOfIngest =
            noClasses().should().dependOnClassesThat().resideInAPackage("aero.severity.ingest..");
}
