package aero.severity.api;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The api's structure, stated so it cannot rot silently. */
@AnalyzeClasses(packages = "aero.severity.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiArchitectureTest {

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles =
            slices().matching("aero.severity.api.(*)..").should().beFreeOfCycles();

    /** ml's training, evaluation and registry internals stay behind the serving contract. */
    @ArchTest
    static final ArchRule onlyTheServingContractOfMl = noClasses()
            .should()
            .dependOnClassesThat(
                    resideInAPackage("aero.severity.ml..").and(resideOutsideOfPackage("aero.severity.ml.serving..")));

    /** ingest's code is not the api's business (the schema is the schema module's). */
    @ArchTest
    static final ArchRule nothingOfIngestsCode =
            noClasses().should().dependOnClassesThat().resideInAPackage("aero.severity.ingest..");

    /**
     * The web layer (problem details, filters, request ids) serves every feature and knows none: a
     * feature's failure carries its own answer ({@code web.ApiException}).
     */
    @ArchTest
    static final ArchRule webKnowsNoFeature = noClasses()
            .that()
            .resideInAPackage("aero.severity.api.web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "aero.severity.api.auth..",
                    "aero.severity.api.model..",
                    "aero.severity.api.ratelimit..",
                    "aero.severity.api.predict..",
                    "aero.severity.api.events..");

    @ArchTest
    static final ArchRule controllersArePackagePrivate =
            classes().that().areAnnotatedWith(RestController.class).should().notBePublic();

    /** Entities never leave their package as JSON or otherwise. */
    @ArchTest
    static final ArchRule entitiesStayInTheirPackage = classes()
            .that()
            .areAnnotatedWith(jakarta.persistence.Entity.class)
            .should()
            .notBePublic();
}
