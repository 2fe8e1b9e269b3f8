package aero.severity.bench;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;

import aero.severity.domain.FlightFacts;
import aero.severity.features.FeatureEncoder;
import aero.severity.ml.dataset.LabelledEvent;
import aero.severity.ml.dataset.SyntheticEvents;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The api's per-request work besides the model: the prediction-cache key (SHA-256 of the encoded
 * features, as the api's {@code CacheKeys}) and bearer-token verification (jjwt configured as the api's
 * {@code JjwtDecoder}: HS256 pinned, issuer and audience required), once in full and once as the
 * decoder's lookup of a token it already verified. Both api classes are package-private inside the
 * Spring Boot application jar, which this module cannot depend on, so the same calls are made here.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class RequestPathBenchmark {

    private double[] encoded;
    private JwtParser parser;
    private String token;
    private final Map<String, Instant> remembered = new ConcurrentHashMap<>();

    @Setup
    public void setUp() {
        // a real encoding: the encoder fitted as training fits it, on generated events
        List<FlightFacts> facts = SyntheticEvents.generate(5_000, 2000, 2017, 1).stream()
                .map(LabelledEvent::facts)
                .toList();
        encoded = FeatureEncoder.fit(facts, 40, 10).encode(facts.get(0));
        SecretKey key = Keys.hmacShaKeyFor(new byte[32]);
        parser = Jwts.parser()
                .sig()
                .clear()
                .add(Jwts.SIG.HS256)
                .and()
                .verifyWith(key)
                .requireIssuer("severity-auth")
                .requireAudience("severity-api")
                .clockSkewSeconds(30)
                .build();
        Instant now = Instant.now();
        token = Jwts.builder()
                .subject("bench-ent-01")
                .issuer("severity-auth")
                .audience()
                .add("severity-api")
                .and()
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plusSeconds(900)))
                .claim("role", "ANALYST")
                .claim("tier", "ENTERPRISE")
                .signWith(key, Jwts.SIG.HS256)
                .compact();
        remembered.put(token, now.plusSeconds(900));
    }

    @Benchmark
    public String cacheKey() {
        ByteBuffer bytes = ByteBuffer.allocate(encoded.length * Double.BYTES);
        for (double value : encoded) {
            bytes.putLong(Double.doubleToLongBits(value == 0.0 ? 0.0 : value));
        }
        return "severity:prediction:accident-severity:7:"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(bytes.array()));
    }

    @Benchmark
    public Claims jwtVerifyFull() {
        return parser.parseSignedClaims(token).getPayload();
    }

    @Benchmark
    public boolean jwtVerifyRemembered() {
        Instant expiresAt = remembered.get(token);
        return expiresAt != null && System.currentTimeMillis() - 30_000 <= expiresAt.toEpochMilli();
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
