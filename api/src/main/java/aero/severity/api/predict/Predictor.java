package aero.severity.api.predict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import aero.severity.api.model.ChampionModel;
import aero.severity.api.model.LiveModel;
import aero.severity.api.model.ShadowChallenger;
import aero.severity.api.modelhealth.LiveInputDrift;
import aero.severity.domain.FlightFacts;
import aero.severity.domain.Severity;
import aero.severity.ml.serving.SeverityModel;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Encodes with the serving model's own encoder, asks the cache, and runs the model only for what the
 * cache did not know. One model snapshot per call, so a batch never mixes versions.
 */
@Component
class Predictor {

    private final ChampionModel champion;
    private final PredictionCache cache;
    private final ShadowChallenger shadow;
    private final PredictionMetrics metrics;
    private final LiveInputDrift inputDrift;

    Predictor(
            ChampionModel champion,
            PredictionCache cache,
            ShadowChallenger shadow,
            MeterRegistry meters,
            LiveInputDrift inputDrift) {
        this.champion = champion;
        this.cache = cache;
        this.shadow = shadow;
        this.metrics = new PredictionMetrics(meters);
        this.inputDrift = inputDrift;
    }

    SeverityPrediction predict(FlightFacts facts) {
        return predict(facts, ExplainOption.NONE);
    }

    SeverityPrediction predict(FlightFacts facts, ExplainOption explain) {
        LiveModel live = champion.require();
        requireExplainable(live, explain);
        inputDrift.sample(live, facts);
        double[] encoded = live.model().encoder().encode(facts);
        String key = CacheKeys.of(live, encoded, explain);
        CachedPrediction hit = cache.get(key);
        if (hit != null) {
            return metrics.served(answer(hit, live, true));
        }
        long start = System.nanoTime();
        CachedPrediction computed =
                explained(live, decide(live.model(), live.model().probabilities(encoded)), facts, encoded, explain);
        metrics.inference.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        cache.put(key, computed);
        shadow.compare(facts, computed.severity());
        return metrics.served(answer(computed, live, false));
    }

    List<SeverityPrediction> predictAll(List<FlightFacts> flights) {
        return predictAll(flights, ExplainOption.NONE);
    }

    List<SeverityPrediction> predictAll(List<FlightFacts> flights, ExplainOption explain) {
        LiveModel live = champion.require();
        requireExplainable(live, explain);
        int n = flights.size();
        double[][] encoded = new double[n][];
        List<String> keys = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            inputDrift.sample(live, flights.get(i));
            encoded[i] = live.model().encoder().encode(flights.get(i));
            keys.add(CacheKeys.of(live, encoded[i], explain));
        }
        List<@Nullable CachedPrediction> found = cache.getAll(keys);

        List<Integer> misses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (found.get(i) == null) {
                misses.add(i);
            }
        }
        CachedPrediction[] computed = new CachedPrediction[n];
        if (!misses.isEmpty()) {
            double[][] rows = new double[misses.size()][];
            for (int m = 0; m < rows.length; m++) {
                rows[m] = encoded[misses.get(m)];
            }
            long start = System.nanoTime();
            double[][] probabilities = live.model().probabilities(rows);
            metrics.inference.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            Map<String, CachedPrediction> fresh = new LinkedHashMap<>();
            for (int m = 0; m < rows.length; m++) {
                int i = misses.get(m);
                computed[i] =
                        explained(live, decide(live.model(), probabilities[m]), flights.get(i), encoded[i], explain);
                fresh.put(keys.get(i), computed[i]);
                shadow.compare(flights.get(i), computed[i].severity());
            }
            cache.putAll(fresh);
        }
        List<SeverityPrediction> answers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            CachedPrediction cached = found.get(i);
            answers.add(metrics.served(cached != null ? answer(cached, live, true) : answer(computed[i], live, false)));
        }
        return answers;
    }

    private static void requireExplainable(LiveModel live, ExplainOption explain) {
        if (explain.enabled() && !live.model().canExplain()) {
            throw new ExplanationUnavailableException(live.id().version());
        }
    }

    private static CachedPrediction explained(
            LiveModel live, CachedPrediction prediction, FlightFacts facts, double[] encoded, ExplainOption explain) {
        if (!explain.enabled()) {
            return prediction;
        }
        SeverityModel model = live.model();
        return prediction.withExplanation(
                Explanation.of(model.explain(encoded), model.encoder().requestFields(), facts, encoded, explain.top()));
    }

    private static CachedPrediction decide(SeverityModel model, double[] probabilities) {
        if (probabilities.length != Severity.values().length) {
            throw new IllegalStateException("model " + model.id() + " returned " + probabilities.length
                    + " probabilities, expected one per severity class");
        }
        return new CachedPrediction(model.decide(probabilities), probabilities);
    }

    private static SeverityPrediction answer(CachedPrediction prediction, LiveModel live, boolean cached) {
        double[] p = prediction.probabilities();
        return new SeverityPrediction(
                prediction.severity(),
                Probabilities.of(p),
                p[prediction.severity().index()],
                live.ref(),
                cached,
                prediction.explanation());
    }
}
