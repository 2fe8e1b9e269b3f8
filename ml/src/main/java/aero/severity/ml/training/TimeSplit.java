package aero.severity.ml.training;

import java.util.ArrayList;
import java.util.List;

import aero.severity.ml.dataset.LabelledEvent;

/**
 * Train on events up to and including {@code trainUntil}, validate on the next
 * {@code validationYears} years, and never use anything later (it is the future the model will be
 * checked on). {@code trainFrom} optionally leaves out very old years.
 */
public record TimeSplit(int trainFrom, int trainUntil, int validationYears) {

    public static final int DEFAULT_TRAIN_UNTIL = 2017;
    public static final int DEFAULT_VALIDATION_YEARS = 2;

    public TimeSplit {
        if (validationYears < 1) {
            throw new IllegalArgumentException("validate on at least one year, not " + validationYears);
        }
        if (trainFrom > trainUntil) {
            throw new IllegalArgumentException(
                    "training starts (" + trainFrom + ") after it ends (" + trainUntil + ")");
        }
    }

    public static TimeSplit trainUntil(int year) {
        return new TimeSplit(Integer.MIN_VALUE, year, DEFAULT_VALIDATION_YEARS);
    }

    public int validationFrom() {
        return trainUntil + 1;
    }

    public int validationTo() {
        return trainUntil + validationYears;
    }

    public Parts split(List<LabelledEvent> events) {
        List<LabelledEvent> train = new ArrayList<>();
        List<LabelledEvent> validation = new ArrayList<>();
        int later = 0;
        int earlier = 0;
        for (LabelledEvent event : events) {
            int year = event.year();
            if (year < trainFrom) {
                earlier++;
            } else if (year <= trainUntil) {
                train.add(event);
            } else if (year <= validationTo()) {
                validation.add(event);
            } else {
                later++;
            }
        }
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no labelled event in the training years up to " + trainUntil);
        }
        if (validation.isEmpty()) {
            throw new IllegalArgumentException(
                    "no labelled event in the validation years " + validationFrom() + "-" + validationTo());
        }
        return new Parts(train, validation, earlier, later);
    }

    /** The rows of each part; {@code before} and {@code after} are the events left out on either side. */
    public record Parts(List<LabelledEvent> train, List<LabelledEvent> validation, int before, int after) {}

    @Override
    public String toString() {
        return (trainFrom == Integer.MIN_VALUE ? "" : trainFrom + "-") + "train<=" + trainUntil + ", validate "
                + validationFrom() + "-" + validationTo();
    }
}
