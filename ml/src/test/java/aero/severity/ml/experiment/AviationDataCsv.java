package aero.severity.ml.experiment;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import aero.severity.domain.FlightFacts;
import aero.severity.domain.Severity;
import aero.severity.domain.code.AircraftCategory;
import aero.severity.domain.code.EngineType;
import aero.severity.domain.code.FarPart;
import aero.severity.domain.code.FlightPhase;
import aero.severity.domain.code.FlightPurpose;
import aero.severity.domain.code.NtsbCode;
import aero.severity.domain.code.NtsbCodes;
import aero.severity.domain.code.Schedule;
import aero.severity.domain.code.State;
import aero.severity.domain.code.WeatherCondition;
import aero.severity.ml.dataset.LabelledEvent;
import aero.severity.ml.dataset.TrainingSet;
import aero.severity.testing.RealNtsbData;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Experiment only (test scope): reads the public AviationData export straight into labelled events,
 * so modelling choices can be tried before the database path exists. The delivered path goes
 * through ingest's CSV import and the training-set SQL.
 */
public final class AviationDataCsv {

    static final Path FOLDER = RealNtsbData.folder();

    private AviationDataCsv() {}

    static TrainingSet read() throws IOException {
        return read(FOLDER);
    }

    /** The export in {@code folder} (the real shared extracts), for tests elsewhere that use real rows. */
    public static TrainingSet read(Path folder) throws IOException {
        Map<String, String> countries = countries(folder);
        List<LabelledEvent> events = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int unlabelled = 0;
        try (Reader reader = new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(folder.resolve("aviationdata_1982_2012.csv.gz"))),
                StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)) {
                String id = r.get("Event.Id");
                if (!seen.add(id)) {
                    continue; // one row per aircraft: the first aircraft stands for the event
                }
                Optional<Severity> label = Severity.fromInjuryTotals(
                        integer(r.get("Total.Fatal.Injuries")),
                        integer(r.get("Total.Serious.Injuries")),
                        integer(r.get("Total.Minor.Injuries")),
                        integer(r.get("Total.Uninjured")));
                if (label.isEmpty()) {
                    unlabelled++;
                    continue;
                }
                events.add(new LabelledEvent(id, facts(r, countries), label.get()));
            }
        }
        return new TrainingSet(events, unlabelled);
    }

    private static FlightFacts facts(CSVRecord r, Map<String, String> countries) {
        String location = r.get("Location");
        State state = null;
        int comma = location.lastIndexOf(',');
        if (comma >= 0 && "United States".equals(r.get("Country"))) {
            state = NtsbCodes.parseLenient(State.class, location.substring(comma + 1))
                    .orElse(null);
        }
        Double lat = decimal(r.get("Latitude"));
        Double lon = decimal(r.get("Longitude"));
        if (lat == null || lon == null || (lat == 0 && lon == 0)) {
            lat = null;
            lon = null;
        }
        return FlightFacts.on(LocalDate.parse(r.get("Event.Date")))
                .location(lat, lon)
                .state(state)
                .country(countries.get(r.get("Country").toUpperCase(Locale.ROOT)))
                .weatherCondition(NtsbCodes.parseLenient(WeatherCondition.class, r.get("Weather.Condition"))
                        .orElse(null))
                .aircraftCategory(byMeaning(
                        AircraftCategory.class,
                        r.get("Aircraft.Category"),
                        Map.of("GYROCRAFT", AircraftCategory.GYRO, "WEIGHT-SHIFT", AircraftCategory.WSFT)))
                .make(blank(r.get("Make")))
                .amateurBuilt(
                        switch (r.get("Amateur.Built")) {
                            case "Yes" -> Boolean.TRUE;
                            case "No" -> Boolean.FALSE;
                            default -> null;
                        })
                .engineCount(integer(r.get("Number.of.Engines")))
                .engineType(byMeaning(
                        EngineType.class,
                        r.get("Engine.Type"),
                        Map.of(
                                "TURBO PROP",
                                EngineType.TP,
                                "TURBO FAN",
                                EngineType.TF,
                                "TURBO JET",
                                EngineType.TJ,
                                "TURBO SHAFT",
                                EngineType.TS)))
                .farPart(farPart(r.get("FAR.Description")))
                .schedule(NtsbCodes.parseLenient(Schedule.class, r.get("Schedule"))
                        .orElse(null))
                .flightPurpose(byMeaning(
                        FlightPurpose.class,
                        r.get("Purpose.of.Flight"),
                        Map.of(
                                "PUBLIC AIRCRAFT",
                                FlightPurpose.PUBU,
                                "FIREFIGHTING",
                                FlightPurpose.FIRF,
                                "AIR RACE/SHOW",
                                FlightPurpose.ASHO,
                                "AIR RACE SHOW",
                                FlightPurpose.ASHO)))
                .flightPhase(NtsbCodes.parseLenient(FlightPhase.class, r.get("Broad.Phase.of.Flight"))
                        .orElse(null))
                .aircraftModel(blank(r.get("Model")))
                .registrationNumber(blank(r.get("Registration.Number").strip()))
                .nearestAirportId(
                        r.get("Airport.Code").strip().length() <= 4
                                ? blank(r.get("Airport.Code").strip())
                                : null)
                .operatorName(blank(r.get("Air.Carrier")))
                .build();
    }

    private static FarPart farPart(String description) {
        if (description.isBlank()) {
            return null;
        }
        for (FarPart part : FarPart.values()) {
            if (part.meaning().equalsIgnoreCase(description)) {
                return part;
            }
        }
        return switch (description) {
            case "Public Aircraft" -> FarPart.PUBU;
            default -> null;
        };
    }

    private static <E extends Enum<E> & NtsbCode> E byMeaning(Class<E> type, String raw, Map<String, E> aliases) {
        String value = raw.strip().toUpperCase(Locale.ROOT);
        if (value.isEmpty() || NtsbCodes.UNKNOWN_MARKERS.contains(value)) {
            return null;
        }
        if (aliases.containsKey(value)) {
            return aliases.get(value);
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.meaning().equalsIgnoreCase(value) || constant.code().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        return null;
    }

    private static Map<String, String> countries(Path folder) throws IOException {
        Map<String, String> codes = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(folder.resolve("Country.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)) {
                String code = r.get(0).strip();
                if (code.matches("[A-Z]{2,3}")) {
                    codes.put(r.get(1).strip().toUpperCase(Locale.ROOT), code);
                }
            }
        }
        codes.put("UNITED STATES", "USA");
        return codes;
    }

    private static Integer integer(String raw) {
        return raw == null || raw.isBlank() ? null : (int) Double.parseDouble(raw);
    }

    private static Double decimal(String raw) {
        return raw == null || raw.isBlank() ? null : Double.valueOf(raw);
    }

    private static String blank(String raw) {
        return raw == null || raw.isBlank() ? null : raw;
    }
}
