package aero.severity.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import aero.severity.domain.FlightFacts;
import aero.severity.domain.code.AircraftCategory;
import aero.severity.domain.code.EngineType;
import aero.severity.domain.code.State;
import aero.severity.domain.code.WeatherCondition;
import org.junit.jupiter.api.Test;

class FeatureEncoderTest {

    private static final String[] OUTCOME_WORDS = {"damage", "inj", "fatal", "fire", "finding", "occurrence",
            "seq", "narr", "cause", "report", "ev_type", "severity"};

    private static List<FlightFacts> training() {
        List<FlightFacts> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(FlightFacts.on(LocalDate.of(2000 + i % 10, 1 + i % 12, 1 + i % 28))
                    .make(i % 3 == 0 ? "Cessna Aircraft Co" : i % 3 == 1 ? "PIPER" : "Make" + i)
                    .state(i % 2 == 0 ? State.CA : State.TX)
                    .pilotAge(30 + i % 40)
                    .pilotTotalHours(i % 5 == 0 ? null : 100.0 * i)
                    .weatherCondition(i % 4 == 0 ? WeatherCondition.IMC : WeatherCondition.VMC)
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

        assertThat(encoder.featureNames()).allSatisfy(name -> assertThat(name.toLowerCase()).doesNotContain(OUTCOME_WORDS));
        assertThat(encoder.featureNames()).doesNotHaveDuplicates().hasSize(encoder.dimension());
    }

    @Test
    void unknownNumericValueBecomesTheMeanAndSetsItsMissingIndicator() {
        FeatureEncoder encoder = FeatureEncoder.fit(training(), 30, 5);
        double[] known = encoder.encode(FlightFacts.on(LocalDate.of(2005, 1, 1)).pilotAge(45).build());
        double[] unknown = encoder.encode(FlightFacts.on(LocalDate.of(2005, 1, 1)).build());

        assertThat(known[column(encoder, "pilot_age")]).isNotZero();
        assertThat(known[column(encoder, "pilot_age.missing")]).isZero();
        assertThat(unknown[column(encoder, "pilot_age")]).isZero();
        assertThat(unknown[column(encoder, "pilot_age.missing")]).isEqualTo(1.0);
    }

    @Test
    void implausibleHistoricalValuesAreTreatedAsUnknown() {
        FeatureEncoder encoder = FeatureEncoder.fit(training(), 30, 5);
        FlightFacts typo = new FlightFacts(LocalDate.of(2005, 1, 1), null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, 0, null, null, null,
                null, null, null, null, null);

        assertThat(encoder.encode(typo)[column(encoder, "pilot_age.missing")]).isEqualTo(1.0);
    }

    @Test
    void standardisesWithTheTrainingMeanAndSpread() {
        FeatureEncoder encoder = FeatureEncoder.fit(training(), 30, 5);
        EncoderSpec.NumericStats age = encoder.spec().numeric().stream()
                .filter(s -> s.name().equals("pilot_age")).findFirst().orElseThrow();
        double[] features = encoder.encode(FlightFacts.on(LocalDate.of(2005, 1, 1)).pilotAge(60).build());

        assertThat(features[column(encoder, "pilot_age")]).isCloseTo((60 - age.mean()) / age.std(), within(1e-12));
    }

    @Test
    void frequentMakesGetTheirOwnColumnAndRareOrUnseenOnesGoToOther() {
        FeatureEncoder encoder = FeatureEncoder.fit(training(), 30, 5);

        assertThat(encoder.featureNames()).contains("make=CESSNA", "make=PIPER", "make=OTHER").doesNotContain("make=MAKE1");
        double[] cessna = encoder.encode(FlightFacts.on(LocalDate.of(2005, 1, 1)).make("cessna").build());
        double[] unseen = encoder.encode(FlightFacts.on(LocalDate.of(2005, 1, 1)).make("Zlin").build());
        assertThat(cessna[column(encoder, "make=CESSNA")]).isEqualTo(1.0);
        assertThat(unseen[column(encoder, "make=OTHER")]).isEqualTo(1.0);
    }

    @Test
    void codeTableFeaturesAreOneHotWithAMissingColumn() {
        FeatureEncoder encoder = FeatureEncoder.fit(training(), 30, 5);
        double[] heli = encoder.encode(FlightFacts.on(LocalDate.of(2005, 1, 1))
                .aircraftCategory(AircraftCategory.HELI).engineType(EngineType.NONE).build());

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
        String json = FeatureEncoder.fit(training(), 30, 5).toJson().replace("\"formatVersion\" : 1", "\"formatVersion\" : 99");

        assertThatThrownBy(() -> FeatureEncoder.fromJson(json)).hasMessageContaining("format 99");
    }
}
