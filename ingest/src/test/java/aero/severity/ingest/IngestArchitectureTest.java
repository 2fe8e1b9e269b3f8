package aero.severity.ingest;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** ingest's structure, stated so it cannot rot silently. */
@AnalyzeClasses(packages = "aero.severity.ingest", importOptions = ImportOption.DoNotIncludeTests.class)
class IngestArchitectureTest {

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles =
            slices().matching("aero.severity.ingest.(*)..").should().beFreeOfCycles();

    /** What a file of tables is ({@code source}) knows none of its formats; the loader opens them. */
    @ArchTest
    static final ArchRule theSourceContractKnowsNoFormat = noClasses()
            .that()
            .resideInAPackage("aero.severity.ingest.source..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("aero.severity.ingest.access..", "aero.severity.ingest.carol..");

    /** ingest and ml stand side by side: neither knows the other. */
    @ArchTest
    static final ArchRule nothingOfMl =
            noClasses().should().dependOnClassesThat().resideInAPackage("aero.severity.ml..");
}
