package aero.severity.features;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import aero.severity.domain.FlightFacts;
import aero.severity.domain.code.AircraftCategory;
import aero.severity.domain.code.EngineType;
import aero.severity.domain.code.State;
import aero.severity.domain.code.WeatherCondition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FeatureEncoderTest {

    private static final String[] OUTCOME_WORDS = {
        "damage",
        "inj",
        "fatal",
        "fire",
        "finding",
        "occurrence",
        "seq",
        "narr",
        "cause",
        "report",
        "ev_type",
        "severity"
    };

    private static List<FlightFacts> training() {
        List<FlightFacts> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(FlightFacts.on(LocalDate.of(2000 + i % 10, 1 + i % 12, 1 + i % 28))
                    .make(i % 3 == 0 ? "Cessna Aircraft Co" : i % 3 == 1 ? "PIPER" : "Make" + i)
                    .state(i % 2 == 0 ? State.CA : State.TX)
                    .pilotAge(30 + i % 40)
                    .pilotTotalHours(i % 5 == 0 ? null : 100.0 * i)
                    .weatherCondition(i % 4 == 0 ? WeatherCondition.IMC : WeatherCondition.VMC)
                    .aircraftModel(i % 3 == 0 ? (i % 2 == 0 ? "172N" : "172 SKYHAWK") : "PA-28-140")
                    .nearestAirportId(i % 4 == 0 ? "NONE" : "DEN")
                    .build());
        }
        return rows;
    }

    private static int column(FeatureEncoder encoder, String name) {
        int index = encoder.featureNames().indexOf(name);
        assertThat(index).as("feature %s", name).isNotNegative();
        return index;
    }

    @Test
    void featureNamesNeverDescribeTheOutcome() {
        FeatureEncoder encoder = FeatureEncoder.fit(training(), 30, 5);

        assertThat(encoder.featureNames())
                .allSatisfy(name -> assertThat(name.toLowerCase()).doesNotContain(OUTCOME_WORDS));
        assertThat(encoder.featureNames()).doesNotHaveDuplicates().hasSize(encoder.dimension());
    }

    @Test
    void unknownNumericValueBecomesTheMeanAndSetsItsMissingIndicator() {
        FeatureEncoder encoder = FeatureEncoder.fit(training(), 30, 5);
        double[] known = encoder.encode(
                FlightFacts.on(LocalDate.of(2005, 1, 1)).pilotAge(45).build());
        double[] unknown =
                encoder.encode(FlightFacts.on(LocalDate.of(2005, 1, 1)).build());

        assertThat(known[column(encoder, "pilot_age")]).isNotZero();
        assertThat(known[column(encoder, "pilot_age.missing")]).isZero();
        assertThat(unknown[column(encoder, "pilot_age")]).isZero();
        assertThat(unknown[column(encoder, "pilot_age.missing")]).isEqualTo(1.0);
    }

    @Test
    void implausibleHistoricalValuesAreTreatedAsUnknown() {
        FeatureEncoder encoder = FeatureEncoder.fit(training(), 30, 5);
        FlightFacts typo = new FlightFacts(
                LocalDate.of(2005, 1, 1),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);

        assertThat(encoder.encode(typo)[column(encoder, "pilot_age.missing")]).isEqualTo(1.0);
    }

    @Test
    void standardisesWithTheTrainingMeanAndSpread() {
        FeatureEncoder encoder = FeatureEncoder.fit(training(), 30, 5);
        EncoderSpec.NumericStats age = encoder.spec().numeric().stream()
                .filter(s -> s.name().equals("pilot_age"))
                .findFirst()
                .orElseThrow();
        double[] features = encoder.encode(
                FlightFacts.on(LocalDate.of(2005, 1, 1)).pilotAge(60).build());

        assertThat(features[column(encoder, "pilot_age")]).isCloseTo((60 - age.mean()) / age.std(), within(1e-12));
    }

    @Test
    void frequentMakesGetTheirOwnColumnAndRareOrUnseenOnesGoToOther() {
        FeatureEncoder encoder = FeatureEncoder.fit(training(), 30, 5);

        assertThat(encoder.featureNames())
                .contains("make=CESSNA", "make=PIPER", "make=OTHER")
                .doesNotContain("make=MAKE1");
        double[] cessna = encoder.encode(
                FlightFacts.on(LocalDate.of(2005, 1, 1)).make("cessna").build());
        double[] unseen = encoder.encode(
                FlightFacts.on(LocalDate.of(2005, 1, 1)).make("Zlin").build());
        assertThat(cessna[column(encoder, "make=CESSNA")]).isEqualTo(1.0);
        assertThat(unseen[column(encoder, "make=OTHER")]).isEqualTo(1.0);
    }

    @Test
    void codeTableFeaturesAreOneHotWithAMissingColumn() {
        FeatureEncoder encoder = FeatureEncoder.fit(training(), 30, 5);
        double[] heli = encoder.encode(FlightFacts.on(LocalDate.of(2005, 1, 1))
                .aircraftCategory(AircraftCategory.HELI)
                .engineType(EngineType.NONE)
                .build());

        assertThat(heli[column(encoder, "aircraft_category=HELI")]).isEqualTo(1.0);
        assertThat(heli[column(encoder, "aircraft_category=AIR")]).isZero();
        assertThat(heli[column(encoder, "engine_type=NONE")]).isEqualTo(1.0);
        assertThat(heli[column(encoder, "engine_type.missing")]).isZero();
        assertThat(heli[column(encoder, "weather_condition.missing")]).isEqualTo(1.0);
    }

    @Test
    void anEncoderReadBackFromJsonEncodesExactlyLikeTheOriginal() {
        FeatureEncoder trained = FeatureEncoder.fit(training(), 30, 5);
        FeatureEncoder served = FeatureEncoder.fromJson(trained.toJson());

        assertThat(served.featureNames()).isEqualTo(trained.featureNames());
        for (FlightFacts facts : training()) {
            assertThat(served.encode(facts)).containsExactly(trained.encode(facts));
        }
    }

    @Test
    void refusesAnEncoderOfAnotherFormat() {
        String json = FeatureEncoder.fit(training(), 30, 5)
                .toJson()
                .replace("\"formatVersion\" : 1", "\"formatVersion\" : 99");

        assertThatThrownBy(() -> FeatureEncoder.fromJson(json)).hasMessageContaining("format 99");
    }

    @Test
    void modelDesignationsOfOneTypeShareAFamilyWithTheirMake() {
        assertThat(CategoricalFeature.modelFamily("Cessna Aircraft Co", "172N")).isEqualTo("CESSNA 172");
        assertThat(CategoricalFeature.modelFamily("CESSNA", "172 SKYHAWK")).isEqualTo("CESSNA 172");
        assertThat(CategoricalFeature.modelFamily("Piper", "PA-28-140")).isEqualTo("PIPER PA-28");
        assertThat(CategoricalFeature.modelFamily("Robinson", "R44 II")).isEqualTo("ROBINSON R44");
        assertThat(CategoricalFeature.modelFamily("Boeing", "737-2H4")).isEqualTo("BOEING 737");
        assertThat(CategoricalFeature.modelFamily(null, "172N")).isNull();
        assertThat(CategoricalFeature.modelFamily("Cessna", "UNK")).isNull();
    }

    @Test
    void familiesSeenOftenInTrainingGetAColumnAndOthersGoToOther() {
        FeatureEncoder encoder = FeatureEncoder.fit(training(), 30, 5);

        assertThat(encoder.featureNames())
                .contains("aircraft_model=CESSNA 172", "aircraft_model=PIPER PA-28", "aircraft_model=OTHER");
        double[] skyhawk = encoder.encode(FlightFacts.on(LocalDate.of(2005, 1, 1))
                .make("Cessna")
                .aircraftModel("172P")
                .build());
        assertThat(skyhawk[column(encoder, "aircraft_model=CESSNA 172")]).isEqualTo(1.0);
    }

    @Test
    void anNNumberIsTheUsRegistryAndAnyOtherMarkAForeignOne() {
        assertThat(CategoricalFeature.registry("N123AB")).isEqualTo("US");
        assertThat(CategoricalFeature.registry("n5")).isEqualTo("US");
        assertThat(CategoricalFeature.registry("C-GABC")).isEqualTo("FOREIGN");
        assertThat(CategoricalFeature.registry("G-BOAC")).isEqualTo("FOREIGN");
        assertThat(CategoricalFeature.registry("UNK")).isNull();
        assertThat(CategoricalFeature.registry(" ")).isNull();
    }

    @Test
    void theNearestAirportReadsAsNamedPrivateStripOrNone() {
        assertThat(CategoricalFeature.airport("DEN")).isEqualTo("NAMED");
        assertThat(CategoricalFeature.airport("PVT")).isEqualTo("PRIVATE");
        assertThat(CategoricalFeature.airport("NONE")).isEqualTo("NONE");
        assertThat(CategoricalFeature.airport("N/A")).isEqualTo("NONE");
        assertThat(CategoricalFeature.airport("UNK")).isNull();
        assertThat(CategoricalFeature.airport(null)).isNull();
    }

    @Test
    void anInputLeftOutHasNoColumnAndItsValueChangesNothing() {
        FeatureEncoder encoder = FeatureEncoder.fit(training(), 30, 5, java.util.Set.of("aircraft_model", "pilot_age"));

        assertThat(encoder.featureNames())
                .noneMatch(name -> name.startsWith("aircraft_model") || name.startsWith("pilot_age"));
        assertThat(encoder.inputs())
                .doesNotContain("aircraft_model", "pilot_age")
                .contains("make", "log_pilot_total_hours");
        FlightFacts.Builder facts = FlightFacts.on(LocalDate.of(2005, 1, 1)).make("Cessna");
        assertThat(encoder.encode(facts.aircraftModel("172N").pilotAge(70).build()))
                .containsExactly(encoder.encode(
                        FlightFacts.on(LocalDate.of(2005, 1, 1)).make("Cessna").build()));
        assertThat(FeatureEncoder.fromJson(encoder.toJson()).featureNames()).isEqualTo(encoder.featureNames());
    }

    @Test
    void refusesToLeaveOutAnInputThatDoesNotExist() {
        assertThatThrownBy(() -> FeatureEncoder.fit(training(), 30, 5, java.util.Set.of("tail_colour")))
                .hasMessageContaining("no such input to leave out: tail_colour");
    }

    @Test
    void anEncoderSavedBeforeInputsCouldBeChosenEncodesTheOriginalFourteenCategoricals() {
        java.util.Set<String> added = java.util.Set.of("aircraft_model", "registry", "airport", "operator");
        FeatureEncoder original = FeatureEncoder.fit(training(), 30, 5, added);
        String saved = original.toJson().replaceAll("(?s),\\s*\"categorical\"\\s*:\\s*\\[[^\\]]*\\]", "");
        assertThat(saved).doesNotContain("\"categorical\"");

        FeatureEncoder read = FeatureEncoder.fromJson(saved);

        assertThat(read.featureNames()).isEqualTo(original.featureNames());
        assertThat(read.inputs()).doesNotContainAnyElementsOf(added);
    }
}
