package aero.severity.features;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import aero.severity.domain.FlightFacts;
import aero.severity.domain.code.LightCondition;
import aero.severity.domain.code.State;
import aero.severity.domain.code.WeatherCondition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FeatureDistributionTest {

    /** Day flights in good weather mostly, pilots 20-70, one in five without the pilot's hours. */
    private static List<FlightFacts> flights(long seed, int n, double nightImcShare) {
        Random random = new Random(seed);
        List<FlightFacts> flights = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean nightImc = random.nextDouble() < nightImcShare;
            flights.add(FlightFacts.on(
                            LocalDate.of(2000 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28)))
                    .state(random.nextBoolean() ? State.CA : State.TX)
                    .lightCondition(nightImc ? LightCondition.NITE : LightCondition.DAYL)
                    .weatherCondition(nightImc ? WeatherCondition.IMC : WeatherCondition.VMC)
                    .pilotAge(20 + random.nextInt(50))
                    .pilotTotalHours(random.nextInt(5) == 0 ? null : 50.0 + random.nextInt(5000))
                    .make(random.nextBoolean() ? "CESSNA" : "PIPER")
                    .build());
        }
        return flights;
    }

    private static final List<FlightFacts> TRAINING = flights(1, 5_000, 0.05);
    private static final FeatureEncoder ENCODER = FeatureEncoder.fit(TRAINING, 30, 5);
    private static final FeatureDistribution DISTRIBUTION = FeatureDistribution.of(ENCODER, TRAINING);

    @Test
    void theSamePopulationHasAPsiNearZeroOnEveryField() {
        Map<String, Double> psi = DISTRIBUTION.psi(flights(2, 2_000, 0.05));

        assertThat(psi)
                .isNotEmpty()
                .allSatisfy((field, value) -> assertThat(value).as(field).isLessThan(0.05));
        assertThat(DISTRIBUTION.psi(TRAINING).values())
                .allSatisfy(value -> assertThat(value).isCloseTo(0.0, within(1e-12)));
    }

    @Test
    void moreNightAccidentsInCloudShowOnLightAndWeatherOnly() {
        Map<String, Double> psi = DISTRIBUTION.psi(flights(3, 2_000, 0.40));

        assertThat(psi.get("lightCondition")).isGreaterThan(FeatureDistribution.DRIFTED);
        assertThat(psi.get("weatherCondition")).isGreaterThan(FeatureDistribution.DRIFTED);
        assertThat(psi.get("pilotAge")).isLessThan(0.05);
        assertThat(psi.get("state")).isLessThan(0.05);
        assertThat(FeatureDistribution.mostDrifted(psi).subList(0, 2))
                .extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("lightCondition", "weatherCondition");
    }

    @Test
    void numbersGetQuantileBinsAndEveryFieldAShareForLeftOut() {
        FeatureDistribution.Field age = DISTRIBUTION.fields().get("pilotAge");
        FeatureDistribution.Field hours = DISTRIBUTION.fields().get("pilotTotalHours");

        assertThat(age.kind()).isEqualTo(FeatureDistribution.Kind.NUMBER);
        assertThat(age.edges()).hasSize(9).isSorted();
        assertThat(age.shares().subList(0, age.bins() - 1))
                .allSatisfy(share -> assertThat(share).isBetween(0.05, 0.15));
        assertThat(age.binOf(19)).isZero();
        assertThat(age.binOf(99)).isEqualTo(age.bins() - 2);
        assertThat(age.binOf(null)).isEqualTo(age.bins() - 1);
        assertThat(hours.shares().get(hours.bins() - 1))
                .as("one in five left out")
                .isCloseTo(0.2, within(0.02));
        assertThat(age.shares().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void codesKeepTheirFrequentLevelsAndCountTheRestTogether() {
        FeatureDistribution.Field light = DISTRIBUTION.fields().get("lightCondition");

        assertThat(light.kind()).isEqualTo(FeatureDistribution.Kind.LEVEL);
        assertThat(light.levels()).containsExactly("DAYL", "NITE");
        assertThat(light.binOf("DUSK"))
                .as("a level not seen in training: all others")
                .isEqualTo(2);
        assertThat(light.shares().get(0)).isCloseTo(0.95, within(0.01));
    }

    @Test
    void theDateIsNotComparedBecauseEveryLaterFlightIsLater() {
        assertThat(DISTRIBUTION.fields()).doesNotContainKey("eventDate").containsKeys("state", "make", "pilotAge");
        assertThat(DISTRIBUTION.rows()).isEqualTo(5_000);
    }

    @Test
    void itSurvivesItsJsonUnchanged() {
        FeatureDistribution read = FeatureDistribution.fromJson(DISTRIBUTION.toJson());

        assertThat(read).isEqualTo(DISTRIBUTION);
        assertThat(read.psi(flights(3, 500, 0.40))).isEqualTo(DISTRIBUTION.psi(flights(3, 500, 0.40)));
    }

    @Test
    void countsAddUpAndNoFlightsMeansNoPsi() {
        FeatureDistribution.Counts empty = DISTRIBUTION.newCounts();
        FeatureDistribution.Counts some = DISTRIBUTION.newCounts();
        flights(4, 100, 0.05).forEach(some::add);

        assertThat(empty.psi().values()).allSatisfy(value -> assertThat(value).isNaN());
        empty.addAll(some);
        assertThat(empty.flights()).isEqualTo(100);
        assertThat(empty.psi()).isEqualTo(some.psi());
    }
}
