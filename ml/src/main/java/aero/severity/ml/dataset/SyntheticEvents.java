package aero.severity.ml.dataset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import aero.severity.domain.FlightFacts;
import aero.severity.domain.Severity;
import aero.severity.domain.code.AircraftCategory;
import aero.severity.domain.code.EngineType;
import aero.severity.domain.code.FarPart;
import aero.severity.domain.code.FlightPhase;
import aero.severity.domain.code.FlightPurpose;
import aero.severity.domain.code.LightCondition;
import aero.severity.domain.code.PilotCertificate;
import aero.severity.domain.code.State;
import aero.severity.domain.code.WeatherCondition;

/**
 * Labelled events the project makes itself, for tests and benchmarks (never real data): plausible
 * facts with missing values, and a severity drawn from a latent risk that depends on them the way
 * the real data does (manoeuvring, cruise and instrument weather are deadly, taxi is not, ...), so
 * a model has real signal to find and a worse model is measurably worse.
 */
public final class SyntheticEvents {

    private static final String[] MAKES = {
        "CESSNA",
        "PIPER",
        "BEECH",
        "BELL",
        "ROBINSON",
        "MOONEY",
        "CIRRUS",
        "BOEING",
        "AIR TRACTOR",
        "GRUMMAN",
        "LUSCOMBE",
        "AERONCA",
        "MAULE",
        "DIAMOND",
        "SCHWEIZER"
    };
    private static final State[] STATES = {
        State.CA, State.TX, State.FL, State.AK, State.AZ, State.CO, State.WA, State.NY, State.GA, State.MI, State.OR,
        State.NC
    };

    private SyntheticEvents() {}

    /** {@code count} events spread evenly over {@code fromYear..toYear}, reproducible for a seed. */
    public static List<LabelledEvent> generate(int count, int fromYear, int toYear, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<LabelledEvent> events = new ArrayList<>(count);
        int years = toYear - fromYear + 1;
        for (int i = 0; i < count; i++) {
            int year = fromYear + i % years;
            LocalDate date = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
            events.add(event(String.format("S%04dX%08d", year, i), date, random));
        }
        return events;
    }

    private static LabelledEvent event(String id, LocalDate date, SplittableRandom r) {
        FlightPhase phase = pick(r, FlightPhase.values());
        AircraftCategory category = r.nextDouble() < 0.8
                ? AircraftCategory.AIR
                : r.nextBoolean() ? AircraftCategory.HELI : pick(r, AircraftCategory.values());
        WeatherCondition weather =
                r.nextDouble() < 0.1 ? null : r.nextDouble() < 0.1 ? WeatherCondition.IMC : WeatherCondition.VMC;
        LightCondition light = r.nextDouble() < 0.1
                ? null
                : r.nextDouble() < 0.75 ? LightCondition.DAYL : pick(r, LightCondition.values());
        boolean amateur = r.nextDouble() < 0.12;
        int engines = r.nextDouble() < 0.8 ? 1 : r.nextDouble() < 0.8 ? 2 : 4;
        EngineType engineType = engines > 2 ? EngineType.TF : r.nextDouble() < 0.85 ? EngineType.REC : EngineType.TP;
        FlightPurpose purpose = r.nextDouble() < 0.6
                ? FlightPurpose.PERS
                : r.nextDouble() < 0.5 ? FlightPurpose.INST : pick(r, FlightPurpose.values());
        Double totalHours = r.nextDouble() < 0.15 ? null : Math.floor(Math.exp(4 + 2.2 * r.nextDouble() * 2));
        Double makeModelHours =
                totalHours == null || r.nextDouble() < 0.2 ? null : Math.floor(totalHours * r.nextDouble());
        Integer hour = r.nextDouble() < 0.1 ? null : 6 + r.nextInt(16);
        Double latitude = r.nextDouble() < 0.3 ? null : Math.round((25 + 24 * r.nextDouble()) * 1e4) / 1e4;
        Double longitude = latitude == null ? null : Math.round((-70 - 50 * r.nextDouble()) * 1e4) / 1e4;
        Integer wind = r.nextDouble() < 0.2 ? null : r.nextInt(30);
        FlightFacts facts = FlightFacts.on(date)
                .localHour(hour)
                .location(latitude, longitude)
                .state(r.nextDouble() < 0.05 ? null : pick(r, STATES))
                .country("USA")
                .lightCondition(light)
                .weatherCondition(weather)
                .windSpeedKts(wind)
                .visibilityMiles(
                        weather == WeatherCondition.IMC
                                ? Double.valueOf(Math.round(r.nextDouble() * 12) / 4.0)
                                : r.nextDouble() < 0.3 ? null : Double.valueOf(10.0))
                .temperatureC(r.nextDouble() < 0.2 ? null : -10 + r.nextInt(45))
                .aircraftCategory(category)
                .make(
                        r.nextDouble() < 0.03
                                ? null
                                : MAKES[Math.min(MAKES.length - 1, (int) Math.floor(-Math.log(r.nextDouble()) * 3))])
                .amateurBuilt(amateur)
                .engineCount(engines)
                .engineType(engineType)
                .maxGrossWeightLbs(engines > 2 ? 150_000 : 1_500 + r.nextInt(5_000))
                .aircraftYear(r.nextDouble() < 0.1 ? null : date.getYear() - r.nextInt(50))
                .farPart(engines > 2 ? FarPart.PART_121 : r.nextDouble() < 0.9 ? FarPart.PART_91 : FarPart.PART_137)
                .flightPurpose(purpose)
                .flightPhase(r.nextDouble() < 0.1 ? null : phase)
                .pilotAge(r.nextDouble() < 0.1 ? null : 18 + r.nextInt(60))
                .pilotCertificate(
                        r.nextDouble() < 0.1
                                ? null
                                : pick(r, new PilotCertificate[] {
                                    PilotCertificate.PRI,
                                    PilotCertificate.COMM,
                                    PilotCertificate.ATP,
                                    PilotCertificate.STU
                                }))
                .pilotTotalHours(totalHours)
                .pilotMakeModelHours(makeModelHours)
                .build();
        double risk = -0.4
                + switch (phase == null ? FlightPhase.OTHER : phase) {
                    case MANEUVERING -> 1.6;
                    case CRUISE, DESCENT -> 1.1;
                    case APPROACH, CLIMB, GO_AROUND -> 0.7;
                    case TAKEOFF -> 0.2;
                    case LANDING -> -0.8;
                    case TAXI, STANDING -> -1.8;
                    default -> 0.0;
                };
        risk += weather == WeatherCondition.IMC ? 1.4 : 0;
        risk += light == LightCondition.NDRK || light == LightCondition.NITE ? 0.6 : 0;
        risk += amateur ? 0.5 : 0;
        risk += category == AircraftCategory.HELI ? 0.3 : 0;
        risk += purpose == FlightPurpose.AAPL ? 0.4 : purpose == FlightPurpose.INST ? -0.4 : 0;
        risk += engines > 2 ? -1.5 : 0;
        risk += totalHours == null ? 0 : -0.25 * (Math.log1p(totalHours) - 6);
        double latent = risk + 1.1 * logistic(r);
        Severity severity = latent > 1.6
                ? Severity.FATL
                : latent > 0.9 ? Severity.SERS : latent > 0.3 ? Severity.MINR : Severity.NONE;
        return new LabelledEvent(id, facts, severity);
    }

    private static double logistic(SplittableRandom r) {
        double u = Math.min(1 - 1e-12, Math.max(1e-12, r.nextDouble()));
        return Math.log(u / (1 - u));
    }

    private static <T> T pick(SplittableRandom r, T[] values) {
        return values[r.nextInt(values.length)];
    }
}
