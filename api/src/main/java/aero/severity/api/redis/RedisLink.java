package aero.severity.api.redis;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lazily opened, shared Lettuce connection plus a simple circuit: after a failure nobody waits on
 * Redis for {@code retryInterval}; then the next caller tries again. While the driver is reconnecting
 * a dropped connection, {@link #connection()} answers null at once, so callers fall back without
 * paying a timeout per request. The application starts (and stays up) with Redis away.
 */
public final class RedisLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisLink.class);

    private final RedisClient client;
    private final Duration commandTimeout;
    private final long retryIntervalNanos;
    private final ReentrantLock connecting = new ReentrantLock();
    private volatile @Nullable StatefulRedisConnection<byte[], byte[]> connection;
    /** 0 while Redis is believed healthy; otherwise the nanoTime after which it may be tried again. */
    private volatile long retryAtNanos;

    private volatile boolean closed;

    public RedisLink(RedisClient client, Duration commandTimeout, Duration retryInterval) {
        this.client = client;
        this.commandTimeout = commandTimeout;
        this.retryIntervalNanos = retryInterval.toNanos();
    }

    /** The open connection, or null when Redis is (recently found) unavailable: then do without it. */
    public @Nullable StatefulRedisConnection<byte[], byte[]> connection() {
        long retryAt = retryAtNanos;
        if (retryAt != 0 && System.nanoTime() - retryAt < 0) {
            return null;
        }
        StatefulRedisConnection<byte[], byte[]> current = connection;
        if (current == null) {
            return connect();
        }
        if (!current.isOpen()) {
            // the driver is reconnecting in the background; say so once, then just do without
            if (retryAtNanos == 0) {
                failed(new RedisConnectionException("connection lost; the driver is reconnecting"));
            }
            return null;
        }
        return current;
    }

    /** A command failed or timed out: stop using Redis for a while. */
    public void failed(Throwable cause) {
        boolean wasHealthy = retryAtNanos == 0;
        retryAtNanos = System.nanoTime() + retryIntervalNanos;
        if (wasHealthy && !closed) {
            log.warn(
                    "Redis unavailable ({}); rate limits fall back to in-process buckets and predictions skip the cache,"
                            + " retrying in {} ms",
                    describe(cause),
                    retryIntervalNanos / 1_000_000);
        }
    }

    /** A command succeeded: Redis is back if it was away. */
    public void succeeded() {
        if (retryAtNanos != 0) {
            retryAtNanos = 0;
            log.info("Redis is reachable again; shared rate limits and the prediction cache are back");
        }
    }

    /** Open the connection now if Redis is there (startup); never fails. */
    public void warmUp() {
        connection();
    }

    private @Nullable StatefulRedisConnection<byte[], byte[]> connect() {
        if (closed || !connecting.tryLock()) {
            return null; // someone else is connecting: do without Redis for this call
        }
        try {
            StatefulRedisConnection<byte[], byte[]> current = connection;
            if (current != null) {
                return current;
            }
            current = client.connect(ByteArrayCodec.INSTANCE);
            current.setTimeout(commandTimeout);
            connection = current;
            succeeded();
            return current;
        } catch (RuntimeException e) {
            failed(e);
            return null;
        } finally {
            connecting.unlock();
        }
    }

    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == cause ? String.valueOf(cause.getMessage()) : cause.getMessage() + ": " + root.getMessage();
    }

    @Override
    public void close() {
        closed = true;
        StatefulRedisConnection<byte[], byte[]> current = connection;
        if (current != null) {
            current.close();
        }
    }
}
