package aero.severity.api.predict;

import java.nio.ByteBuffer;
import java.util.Arrays;

import aero.severity.domain.Severity;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the cache keeps per entry: the decided class and the four probabilities (33 bytes in Redis),
 * followed, for an explained answer, by its explanation as JSON (its key says so, see {@link ExplainOption}).
 */
record CachedPrediction(
        Severity severity, double[] probabilities, @Nullable Explanation explanation) {

    private static final int BYTES = 1 + 4 * Double.BYTES;
    private static final Severity[] SEVERITIES = Severity.values();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    CachedPrediction(Severity severity, double[] probabilities) {
        this(severity, probabilities, null);
    }

    CachedPrediction withExplanation(Explanation value) {
        return new CachedPrediction(severity, probabilities, value);
    }

    byte[] toBytes() {
        byte[] json = explanation == null ? new byte[0] : JSON.writeValueAsBytes(explanation);
        ByteBuffer buffer = ByteBuffer.allocate(BYTES + json.length).put((byte) severity.index());
        for (double p : probabilities) {
            buffer.putDouble(p);
        }
        return buffer.put(json).array();
    }

    /** Null for anything that is not an entry we wrote (treated as a miss). */
    static @Nullable CachedPrediction fromBytes(byte @Nullable [] bytes) {
        if (bytes == null || bytes.length < BYTES || bytes[0] < 0 || bytes[0] >= SEVERITIES.length) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, BYTES - 1);
        double[] probabilities = new double[4];
        for (int i = 0; i < 4; i++) {
            probabilities[i] = buffer.getDouble();
        }
        Explanation explanation = null;
        if (bytes.length > BYTES) {
            try {
                explanation = JSON.readValue(Arrays.copyOfRange(bytes, BYTES, bytes.length), Explanation.class);
            } catch (JacksonException e) {
                return null;
            }
        }
        return new CachedPrediction(SEVERITIES[bytes[0]], probabilities, explanation);
    }
}
