package aero.severity.ml.registry;

import java.util.List;

import aero.severity.ml.dataset.LabelledEvent;
import aero.severity.ml.dataset.SyntheticEvents;
import aero.severity.ml.dataset.TrainingSet;
import aero.severity.ml.training.TimeSplit;
import aero.severity.ml.training.TrainingOptions;

/** Generated training data and two configurations: a good model and a clearly weaker one. */
final class TrainedModels {

    static final TrainingSet DATA = new TrainingSet(SyntheticEvents.generate(20_000, 2006, 2019, 21), 4);
    static final List<LabelledEvent> PROBES = SyntheticEvents.generate(200, 2018, 2019, 5);

    private TrainedModels() {}

    static TrainingOptions good() {
        return TrainingOptions.defaults(TimeSplit.trainUntil(2017))
                .withXGBoost(new TrainingOptions.XGBoost(80, 0.1, 4, 10, 0.8, 0.8, 2.0, 0.0));
    }

    /** Two stumps per class: it sees one fact at a time and is measurably worse. */
    static TrainingOptions weak() {
        return good().withXGBoost(new TrainingOptions.XGBoost(2, 0.3, 1, 5, 0.8, 0.8, 1.0, 0.0));
    }
}
