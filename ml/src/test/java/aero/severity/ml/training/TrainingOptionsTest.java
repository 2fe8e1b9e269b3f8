package aero.severity.ml.training;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import aero.severity.domain.FlightFacts;
import aero.severity.domain.Severity;
import aero.severity.ml.dataset.LabelledEvent;
import aero.severity.ml.model.Algorithm;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TrainingOptionsTest {

    @Test
    void aRecipeReadBackFromItsSavedParametersIsTheSameRecipe() {
        TrainingOptions recipe = TrainingOptions.defaults(new TimeSplit(1990, 2010, 2))
                .withAlgorithm(Algorithm.LOGISTIC_REGRESSION)
                .withXGBoost(new TrainingOptions.XGBoost(321, 0.07, 5, 12, 0.7, 0.5, 3.0, 0.1))
                .withClassWeightPower(0.25)
                .withoutInputs(Set.of("aircraft_model", "operator"))
                .withRecencyHalfLife(8);

        TrainingOptions read = TrainingOptions.fromParameters(recipe.asParameters(), recipe.split());

        assertThat(read).isEqualTo(recipe);
    }

    @Test
    void parametersSavedBeforeASettingExistedReadAsItsDefault() {
        Map<String, String> old = new HashMap<>(
                TrainingOptions.defaults(TimeSplit.trainUntil(2010)).asParameters());
        old.remove("recency_half_life_years");
        old.remove("encoder.without_inputs");

        TrainingOptions read = TrainingOptions.fromParameters(old, TimeSplit.trainUntil(2010));

        assertThat(read.withoutInputs()).isEmpty();
        assertThat(read.recencyHalfLifeYears()).isZero();
    }

    @Test
    void aSavedValueThatIsNotANumberIsRefusedWithItsName() {
        Map<String, String> broken = new HashMap<>(
                TrainingOptions.defaults(TimeSplit.trainUntil(2010)).asParameters());
        broken.put("xgboost.trees", "many");

        assertThatThrownBy(() -> TrainingOptions.fromParameters(broken, TimeSplit.trainUntil(2010)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("many");
    }

    @Test
    void aRowsRecencyWeightHalvesForEveryHalfLifeBeforeTheLastTrainingYear() {
        List<LabelledEvent> rows = List.of(event(2010), event(2002), event(1994));

        float[] weights = ModelTrainer.recencyWeights(rows, 2010, 8);

        assertThat(weights[0]).isCloseTo(1f, within(1e-6f));
        assertThat(weights[1]).isCloseTo(0.5f, within(1e-6f));
        assertThat(weights[2]).isCloseTo(0.25f, within(1e-6f));
        assertThat(ModelTrainer.recencyWeights(rows, 2010, 0)).containsExactly(1f, 1f, 1f);
        assertThatThrownBy(() ->
                        TrainingOptions.defaults(TimeSplit.trainUntil(2010)).withRecencyHalfLife(-1))
                .hasMessageContaining("0 (off) or a positive number of years");
    }

    private static LabelledEvent event(int year) {
        return new LabelledEvent(
                "E" + year, FlightFacts.on(LocalDate.of(year, 6, 1)).build(), Severity.NONE);
    }
}
