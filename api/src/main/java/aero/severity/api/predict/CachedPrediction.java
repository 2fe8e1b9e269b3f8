package aero.severity.api.predict;

import java.nio.ByteBuffer;

import aero.severity.domain.Severity;
import org.jspecify.annotations.Nullable;

/** What the cache keeps per entry: the decided class and the four probabilities (33 bytes in Redis). */
record CachedPrediction(Severity severity, double[] probabilities) {

    private static final int BYTES = 1 + 4 * Double.BYTES;
    private static final Severity[] SEVERITIES = Severity.values();

    byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(BYTES).put((byte) severity.ordinal());
        for (double p : probabilities) {
            buffer.putDouble(p);
        }
        return buffer.array();
    }

    /** Null for anything that is not an entry we wrote (treated as a miss). */
    static @Nullable CachedPrediction fromBytes(byte @Nullable [] bytes) {
        if (bytes == null || bytes.length != BYTES || bytes[0] < 0 || bytes[0] >= SEVERITIES.length) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, BYTES - 1);
        double[] probabilities = new double[4];
        for (int i = 0; i < 4; i++) {
            probabilities[i] = buffer.getDouble();
        }
        return new CachedPrediction(SEVERITIES[bytes[0]], probabilities);
    }
}
