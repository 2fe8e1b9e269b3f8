package aero.severity.features;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

import aero.severity.domain.FlightFacts;
import aero.severity.domain.code.AircraftCategory;
import aero.severity.domain.code.EngineType;
import aero.severity.domain.code.FarPart;
import aero.severity.domain.code.FlightPhase;
import aero.severity.domain.code.FlightPurpose;
import aero.severity.domain.code.LightCondition;
import aero.severity.domain.code.NtsbCode;
import aero.severity.domain.code.PilotCertificate;
import aero.severity.domain.code.Schedule;
import aero.severity.domain.code.WeatherCondition;

import org.jspecify.annotations.Nullable;

/**
 * A categorical input of the model, one-hot encoded. Code-table features have a fixed vocabulary
 * (the code table); open ones (make, state, country) learn theirs from the training data: the
 * frequent levels, the rest falls into {@code OTHER}.
 */
enum CategoricalFeature {
    DAY_OF_WEEK(f -> f.eventDate().getDayOfWeek().name(), fixed(DayOfWeek.values())),
    STATE(f -> f.state() == null ? null : f.state().code(), null),
    COUNTRY(FlightFacts::country, null),
    LIGHT_CONDITION(f -> code(f.lightCondition()), codes(LightCondition.values())),
    WEATHER_CONDITION(f -> code(f.weatherCondition()), codes(WeatherCondition.values())),
    AIRCRAFT_CATEGORY(f -> code(f.aircraftCategory()), codes(AircraftCategory.values())),
    MAKE(f -> normalizeMake(f.make()), null),
    AMATEUR_BUILT(f -> f.amateurBuilt() == null ? null : (f.amateurBuilt() ? "Y" : "N"), List.of("Y", "N")),
    ENGINE_TYPE(f -> code(f.engineType()), codes(EngineType.values())),
    FAR_PART(f -> code(f.farPart()), codes(FarPart.values())),
    SCHEDULE(f -> code(f.schedule()), codes(Schedule.values())),
    FLIGHT_PURPOSE(f -> code(f.flightPurpose()), codes(FlightPurpose.values())),
    FLIGHT_PHASE(f -> code(f.flightPhase()), codes(FlightPhase.values())),
    PILOT_CERTIFICATE(f -> code(f.pilotCertificate()), codes(PilotCertificate.values()));

    static final String OTHER = "OTHER";

    // compiled once: String.replaceAll/split compiled them on every request's encode
    private static final Pattern NOT_WORD = Pattern.compile("[^A-Z0-9 ]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final Function<FlightFacts, @Nullable String> reader;
    private final @Nullable List<String> fixedLevels;

    CategoricalFeature(Function<FlightFacts, @Nullable String> reader, @Nullable List<String> fixedLevels) {
        this.reader = reader;
        this.fixedLevels = fixedLevels;
    }

    String featureName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when the vocabulary is learned from the training data (and unseen levels become OTHER). */
    boolean learnsVocabulary() {
        return fixedLevels == null;
    }

    List<String> fixedLevels() {
        return fixedLevels == null ? List.of() : fixedLevels;
    }

    @Nullable String read(FlightFacts facts) {
        return reader.apply(facts);
    }

    /** The FlightFacts field the input is read from: its name in camel case unless it is derived. */
    String requestField() {
        return switch (this) {
            case DAY_OF_WEEK -> "eventDate";
            default -> camelCase(name());
        };
    }

    /** {@code FLIGHT_PHASE} -> {@code flightPhase}. */
    static String camelCase(String constant) {
        StringBuilder s = new StringBuilder();
        for (String word : constant.toLowerCase(Locale.ROOT).split("_")) {
            s.append(s.isEmpty() || word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return s.toString();
    }

    /** Corporate words that follow a maker's name: "CESSNA AIRCRAFT CO" is the make CESSNA. */
    private static final java.util.Set<String> CORPORATE_WORDS = java.util.Set.of("INC", "CO", "CORP", "CORPORATION",
            "COMPANY", "LTD", "LLC", "AIRCRAFT", "AIRPLANE", "AIRPLANES", "AVIATION", "HELICOPTER", "HELICOPTERS",
            "INDUSTRIES", "MFG", "MANUFACTURING", "TEXTRON", "INTERNATIONAL", "INTL");

    /** Makes are written by hand: "CESSNA", "Cessna ", "Cessna Aircraft Co." are one make. */
    static @Nullable String normalizeMake(@Nullable String make) {
        if (make == null) {
            return null;
        }
        String[] words = WHITESPACE.split(NOT_WORD.matcher(make.toUpperCase(Locale.ROOT)).replaceAll(" ").strip());
        int end = words.length;
        while (end > 1 && CORPORATE_WORDS.contains(words[end - 1])) {
            end--;
        }
        String normalized = String.join(" ", Arrays.asList(words).subList(0, end));
        return normalized.isEmpty() || normalized.equals("UNK") || normalized.equals("UNKNOWN") ? null : normalized;
    }

    private static @Nullable String code(@Nullable NtsbCode code) {
        return code == null ? null : code.code();
    }

    private static List<String> codes(NtsbCode[] values) {
        return Arrays.stream(values).map(NtsbCode::code).toList();
    }

    private static List<String> fixed(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
