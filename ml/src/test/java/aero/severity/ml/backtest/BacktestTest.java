package aero.severity.ml.backtest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import aero.severity.domain.FlightFacts;
import aero.severity.domain.Severity;
import aero.severity.ml.dataset.LabelledEvent;
import aero.severity.ml.dataset.SyntheticEvents;
import aero.severity.ml.dataset.TrainingSet;
import aero.severity.ml.evaluation.ClassMetrics;
import aero.severity.ml.evaluation.EvaluationReport;
import aero.severity.ml.model.Algorithm;
import aero.severity.ml.training.ModelTrainer;
import aero.severity.ml.training.TimeSplit;
import aero.severity.ml.training.TrainingOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BacktestTest {

    private static final List<LabelledEvent> EVENTS = SyntheticEvents.generate(9_000, 2006, 2017, 21);
    private static final TrainingSet DATA = new TrainingSet(EVENTS, 0);

    /** Small trees on one thread: quick, and the same model for the same rows. */
    private static TrainingOptions options(int trainUntil) {
        TrainingOptions d = TrainingOptions.defaults(TimeSplit.trainUntil(trainUntil));
        return new TrainingOptions(
                d.split(),
                Algorithm.XGBOOST,
                d.makeLevels(),
                d.minLevelCount(),
                d.classWeightPower(),
                new TrainingOptions.XGBoost(30, 0.2, 3, 10, 0.8, 0.8, 1.0, 0.0),
                d.logistic(),
                d.calibrationFolds(),
                d.seed(),
                1,
                Set.of(),
                0);
    }

    private static long eventsIn(int from, int to) {
        return EVENTS.stream().filter(e -> e.year() >= from && e.year() <= to).count();
    }

    @Test
    void defaultCutoffsAreTheLastFiveEvenYearsThatStillHaveAHorizonThreeToFour() {
        assertThat(Backtest.defaultCutoffs(2012, 2)).containsExactly(2000, 2002, 2004, 2006, 2008);
        assertThat(Backtest.defaultCutoffs(2025, 2)).containsExactly(2012, 2014, 2016, 2018, 2020);
        assertThat(Backtest.defaultCutoffs(2024, 2)).containsExactly(2012, 2014, 2016, 2018, 2020);
    }

    @Test
    void horizonsAreTheValidationYearsThenTheNextTwoThenEverythingAfter() {
        List<Horizon> horizons = Horizon.after(2);

        assertThat(horizons).extracting(Horizon::name).containsExactly("1-2", "3-4", "5+");
        assertThat(horizons.get(0).isValidation()).isTrue();
        assertThat(horizons.get(1).contains(2008, 2011)).isTrue();
        assertThat(horizons.get(1).contains(2008, 2013)).isFalse();
        assertThat(horizons.get(2).contains(2008, 2030)).isTrue();
        assertThat(horizons.get(2).lastYear(2008, 2012)).isEqualTo(2012);
    }

    @Test
    void eachCutoffIsScoredOnEveryLaterBandWithExactlyTheEventsOfThoseYears() {
        BacktestReport report =
                new Backtest(new ModelTrainer()).run(DATA, options(2009), List.of(2011, 2009), line -> {});

        assertThat(report.cutoffs()).extracting(BacktestReport.Cutoff::year).containsExactly(2009, 2011);
        BacktestReport.Cutoff first = report.cutoffs().get(0);
        assertThat(first.trainingRows()).isEqualTo((int) eventsIn(2006, 2009));
        assertThat(first.bands())
                .extracting(b -> b.fromYear() + "-" + b.toYear())
                .containsExactly("2010-2011", "2012-2013", "2014-2017");
        assertThat(first.bands())
                .extracting(b -> (long) b.report().rows())
                .containsExactly(eventsIn(2010, 2011), eventsIn(2012, 2013), eventsIn(2014, 2017));
        assertThat(report.cutoffs().get(1).bands())
                .extracting(b -> b.fromYear() + "-" + b.toYear())
                .containsExactly("2012-2013", "2014-2015", "2016-2017");
        assertThat(report.summary())
                .extracting(s -> s.horizon().name() + ":" + s.cutoffs())
                .containsExactly("1-2:2", "3-4:2", "5+:2");
    }

    @Test
    void aBacktestNeverTrainsOrCalibratesOnARowLaterThanItsValidationYears() {
        Backtest backtest = new Backtest(new ModelTrainer());
        BacktestReport clean = backtest.run(DATA, options(2009), List.of(2009), line -> {});
        // every event moved to 2016-2017 and labelled fatal: a model that saw them would change
        BacktestReport planted =
                backtest.run(new TrainingSet(withPlanted(2016), 0), options(2009), List.of(2009), line -> {});
        BacktestReport plantedInTraining =
                backtest.run(new TrainingSet(withPlanted(2008), 0), options(2009), List.of(2009), line -> {});

        for (int band = 0; band < 2; band++) {
            EvaluationReport before = clean.cutoffs().get(0).bands().get(band).report();
            EvaluationReport after = planted.cutoffs().get(0).bands().get(band).report();
            assertThat(after.brier()).isEqualTo(before.brier());
            assertThat(after.ece()).isEqualTo(before.ece());
            assertThat(after.macroF1()).isEqualTo(before.macroF1());
        }
        assertThat(plantedInTraining.cutoffs().get(0).bands().get(0).report().brier())
                .as("the planted rows do change a model that trains on them")
                .isNotCloseTo(clean.cutoffs().get(0).bands().get(0).report().brier(), within(1e-3));
    }

    private static List<LabelledEvent> withPlanted(int year) {
        List<LabelledEvent> events = new ArrayList<>(EVENTS);
        for (int i = 0; i < 3_000; i++) {
            LabelledEvent e = EVENTS.get(i);
            FlightFacts f = e.facts();
            FlightFacts moved = new FlightFacts(
                    f.eventDate().withYear(year + i % 2),
                    f.localHour(),
                    f.latitude(),
                    f.longitude(),
                    f.state(),
                    f.country(),
                    f.lightCondition(),
                    f.weatherCondition(),
                    f.windSpeedKts(),
                    f.windGustKts(),
                    f.visibilityMiles(),
                    f.temperatureC(),
                    f.densityAltitudeFt(),
                    f.aircraftCategory(),
                    f.make(),
                    f.amateurBuilt(),
                    f.engineCount(),
                    f.engineType(),
                    f.maxGrossWeightLbs(),
                    null,
                    f.farPart(),
                    f.schedule(),
                    f.flightPurpose(),
                    f.flightPhase(),
                    f.pilotAge(),
                    f.pilotCertificate(),
                    f.pilotTotalHours(),
                    f.pilotMakeModelHours(),
                    f.aircraftModel(),
                    f.registrationNumber(),
                    f.nearestAirportId(),
                    f.airportDistanceMiles(),
                    f.operatorName());
            events.add(new LabelledEvent("P" + i, moved, Severity.FATL));
        }
        return events;
    }

    @Test
    void aCutoffWhoseValidationYearsTheDataDoesNotHoldIsRefused() {
        assertThatThrownBy(() -> new Backtest(new ModelTrainer()).run(DATA, options(2009), List.of(2016), line -> {}))
                .hasMessageContaining("cutoff 2016 needs validation years 2017-2018, but the data ends in 2017");
    }

    @Test
    void theSummaryIsTheMeanAndSpreadOverCutoffsOfEachBand() {
        List<Horizon> horizons = Horizon.after(2);
        BacktestReport report = new BacktestReport(
                "xgboost",
                2,
                horizons,
                List.of(
                        new BacktestReport.Cutoff(
                                2000,
                                100,
                                List.of(
                                        band(horizons.get(0), 2001, 0.40, 0.5, 0.010),
                                        band(horizons.get(1), 2003, 0.38, 0.52, 0.020)),
                                1.0),
                        new BacktestReport.Cutoff(
                                2002,
                                120,
                                List.of(
                                        band(horizons.get(0), 2003, 0.44, 0.5, 0.030),
                                        band(horizons.get(1), 2005, 0.36, 0.56, 0.040)),
                                1.0)),
                2.0);

        BacktestReport.Summary validation = report.summary().get(0);
        BacktestReport.Summary later = report.summary().get(1);
        assertThat(validation.metrics().get("ece").mean()).isCloseTo(0.020, within(1e-12));
        assertThat(validation.metrics().get("ece").std()).isCloseTo(0.010, within(1e-12));
        assertThat(validation.metrics().get("macro_f1").mean()).isCloseTo(0.42, within(1e-12));
        assertThat(later.metrics().get("brier").mean()).isCloseTo(0.54, within(1e-12));
        assertThat(later.metrics().get("brier").std()).isCloseTo(0.02, within(1e-12));
        assertThat(report.summary()).hasSize(2).as("no cutoff reaches 5+");
        assertThat(report.asFlatMetrics()).containsEntry("h3-4.cutoffs", 2.0).containsKey("h1-2.ece.mean");
        assertThat(report.markdown())
                .contains("| 1-2 (validation) | 2 |", "0.0200 ± 0.0100", "| 2002 | 3-4 | 2005-2006 |");
        byte[] png = report.plot();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }

    private static BacktestReport.Band band(Horizon horizon, int from, double macroF1, double brier, double ece) {
        Map<Severity, ClassMetrics> perClass = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            perClass.put(severity, new ClassMetrics(10, 10, 0.5, 0.5, 0.5, 0.7));
        }
        return new BacktestReport.Band(
                horizon,
                from,
                from + 1,
                new EvaluationReport(
                        1000, macroF1, 0.6, perClass, 0.7, 0.8, brier, 1.0, ece, new int[4][4], List.of()));
    }

    @Test
    void theRecentHorizonRetrainsTheRecipeTwoYearsEarlierAndScoresTheValidationYearsWithItsShippedCalibration() {
        TrainingOptions options = options(2013);
        List<LabelledEvent> rows = EVENTS.stream()
                .filter(e -> e.year() >= 2014 && e.year() <= 2015)
                .toList();
        Backtest backtest = new Backtest(new ModelTrainer());

        Backtest.Recent recent = backtest.recentHorizon(DATA, options, rows);
        Backtest.Recent planted = backtest.recentHorizon(new TrainingSet(withPlanted(2014), 0), options, rows);

        assertThat(recent.description())
                .contains("retrained to 2011, calibrated on 2012-2013, scored on 2014-2015 (horizon 3-4)");
        assertThat(recent.report()).isNotNull();
        assertThat(recent.report().rows()).isEqualTo(rows.size());
        assertThat(planted.report().brier())
                .as("rows after the recipe's window never reach it")
                .isEqualTo(recent.report().brier());
        assertThat(backtest.recentHorizon(DATA, options(2007), rows).report())
                .as("no year before 2006 to train a cutoff of 2005 on")
                .isNull();
    }
}
