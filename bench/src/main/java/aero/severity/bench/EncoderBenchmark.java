package aero.severity.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import aero.severity.domain.FlightFacts;
import aero.severity.domain.code.AircraftCategory;
import aero.severity.domain.code.EngineType;
import aero.severity.domain.code.FarPart;
import aero.severity.domain.code.FlightPhase;
import aero.severity.domain.code.FlightPurpose;
import aero.severity.domain.code.LightCondition;
import aero.severity.domain.code.PilotCertificate;
import aero.severity.domain.code.WeatherCondition;
import aero.severity.features.FeatureEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/** Cost of encoding one request's facts: on the path of every prediction, cached or not. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@org.openjdk.jmh.annotations.State(Scope.Benchmark)
public class EncoderBenchmark {

    private FeatureEncoder encoder;
    private FlightFacts facts;
    private double[] buffer;

    @Setup
    public void setUp() {
        List<FlightFacts> training = new ArrayList<>();
        String[] makes = {"CESSNA", "PIPER", "BEECH", "BELL", "MOONEY", "CIRRUS", "ROBINSON", "AIR TRACTOR"};
        aero.severity.domain.code.State[] states = aero.severity.domain.code.State.values();
        for (int i = 0; i < 5_000; i++) {
            training.add(FlightFacts.on(LocalDate.of(1990 + i % 30, 1 + i % 12, 1 + i % 28))
                    .make(makes[i % makes.length])
                    .state(states[i % 50])
                    .pilotAge(20 + i % 60)
                    .pilotTotalHours(50.0 * (i % 200))
                    .build());
        }
        encoder = FeatureEncoder.fit(training, 40, 10);
        facts = FlightFacts.on(LocalDate.of(2019, 7, 14))
                .localHour(15)
                .location(39.86, -104.67)
                .state(aero.severity.domain.code.State.CO)
                .country("USA")
                .lightCondition(LightCondition.DAYL)
                .weatherCondition(WeatherCondition.VMC)
                .windSpeedKts(12)
                .windGustKts(20)
                .visibilityMiles(10.0)
                .temperatureC(28)
                .densityAltitudeFt(8200)
                .aircraftCategory(AircraftCategory.AIR)
                .make("Cessna")
                .amateurBuilt(false)
                .engineCount(1)
                .engineType(EngineType.REC)
                .maxGrossWeightLbs(2550)
                .aircraftYear(1978)
                .farPart(FarPart.PART_91)
                .flightPurpose(FlightPurpose.PERS)
                .flightPhase(FlightPhase.TAKEOFF)
                .pilotAge(54)
                .pilotCertificate(PilotCertificate.PRI)
                .pilotTotalHours(420.0)
                .pilotMakeModelHours(95.0)
                .build();
        buffer = new double[encoder.dimension()];
    }

    @Benchmark
    public double[] encodeAllocating() {
        return encoder.encode(facts);
    }

    @Benchmark
    public double[] encodeIntoBuffer() {
        encoder.encodeInto(facts, buffer);
        return buffer;
    }
}
