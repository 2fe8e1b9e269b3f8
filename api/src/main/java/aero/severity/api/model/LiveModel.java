package aero.severity.api.model;

import java.time.Instant;

import aero.severity.ml.serving.ModelId;
import aero.severity.ml.serving.SeverityModel;

/**
 * The model being served and what requests need to know about it. Immutable: a request takes one
 * snapshot and uses it throughout, so a swap in the middle of a batch cannot mix two models.
 *
 * @param cacheNamespace the part of prediction-cache keys that names this exact version
 */
public record LiveModel(SeverityModel model, ModelId id, ModelRef ref, Instant loadedAt, String cacheNamespace) {

    static LiveModel of(SeverityModel model, Instant loadedAt) {
        ModelId id = model.id();
        String runId = id.runId() == null ? "-" : id.runId();
        return new LiveModel(model, id, ModelRef.of(id), loadedAt, id.name() + ":" + id.version() + ":" + runId);
    }
}
