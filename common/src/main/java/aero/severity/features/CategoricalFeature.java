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
    PILOT_CERTIFICATE(f -> code(f.pilotCertificate()), codes(PilotCertificate.values())),
    /** Make and model family ("CESSNA 172" for a 172N, "PIPER PA-28" for a PA-28-140); frequent ones only. */
    AIRCRAFT_MODEL(f -> modelFamily(f.make(), f.aircraftModel()), null),
    /** US (an N-number) or foreign registry: foreign aircraft reach the NTSB's files mostly through serious events abroad. */
    REGISTRY(f -> registry(f.registrationNumber()), List.of("US", "FOREIGN")),
    /** Whether the event was near a named airport, a private strip, or none ({@code NONE}, {@code N/A}). */
    AIRPORT(f -> airport(f.nearestAirportId()), List.of("NAMED", "PRIVATE", "NONE")),
    /** The operator is named (airlines, commuters, companies): the export names one for about 5 % of events. */
    OPERATOR(f -> f.operatorName() == null || f.operatorName().isBlank() ? null : "NAMED", List.of("NAMED"));

    static final String OTHER = "OTHER";

    /** The inputs of encoders saved before the inputs could be chosen (an {@link EncoderSpec} without a list). */
    static final List<CategoricalFeature> ORIGINAL = List.of(
            DAY_OF_WEEK,
            STATE,
            COUNTRY,
            LIGHT_CONDITION,
            WEATHER_CONDITION,
            AIRCRAFT_CATEGORY,
            MAKE,
            AMATEUR_BUILT,
            ENGINE_TYPE,
            FAR_PART,
            SCHEDULE,
            FLIGHT_PURPOSE,
            FLIGHT_PHASE,
            PILOT_CERTIFICATE);

    private static final Pattern US_REGISTRATION = Pattern.compile("^N[0-9A-Z]");

    // compiled once: String.replaceAll/split compiled them on every request's encode
    private static final Pattern NOT_WORD = Pattern.compile("[^A-Z0-9 ]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    // Error Prone cannot see that these never change: a stateless method reference and List.copyOf
    @SuppressWarnings("ImmutableEnumChecker")
    private final Function<FlightFacts, @Nullable String> reader;

    @SuppressWarnings("ImmutableEnumChecker")
    private final @Nullable List<String> fixedLevels;

    CategoricalFeature(Function<FlightFacts, @Nullable String> reader, @Nullable List<String> fixedLevels) {
        this.reader = reader;
        this.fixedLevels = fixedLevels == null ? null : List.copyOf(fixedLevels);
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

    @Nullable
    String read(FlightFacts facts) {
        return reader.apply(facts);
    }

    /** The FlightFacts field the input is read from: its name in camel case unless it is derived. */
    String requestField() {
        return switch (this) {
            case DAY_OF_WEEK -> "eventDate";
            case REGISTRY -> "registrationNumber";
            case AIRPORT -> "nearestAirportId";
            case OPERATOR -> "operatorName";
            default -> camelCase(name());
        };
    }

    /** {@code FLIGHT_PHASE} -> {@code flightPhase}. */
    static String camelCase(String constant) {
        StringBuilder s = new StringBuilder();
        for (String word : constant.toLowerCase(Locale.ROOT).split("_", -1)) {
            s.append(s.isEmpty() || word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return s.toString();
    }

    /** Corporate words that follow a maker's name: "CESSNA AIRCRAFT CO" is the make CESSNA. */
    private static final java.util.Set<String> CORPORATE_WORDS = java.util.Set.of(
            "INC",
            "CO",
            "CORP",
            "CORPORATION",
            "COMPANY",
            "LTD",
            "LLC",
            "AIRCRAFT",
            "AIRPLANE",
            "AIRPLANES",
            "AVIATION",
            "HELICOPTER",
            "HELICOPTERS",
            "INDUSTRIES",
            "MFG",
            "MANUFACTURING",
            "TEXTRON",
            "INTERNATIONAL",
            "INTL");

    /** Makes are written by hand: "CESSNA", "Cessna ", "Cessna Aircraft Co." are one make. */
    static @Nullable String normalizeMake(@Nullable String make) {
        if (make == null) {
            return null;
        }
        String[] words = WHITESPACE.split(
                NOT_WORD.matcher(make.toUpperCase(Locale.ROOT)).replaceAll(" ").strip());
        int end = words.length;
        while (end > 1 && CORPORATE_WORDS.contains(words[end - 1])) {
            end--;
        }
        String normalized = String.join(" ", Arrays.asList(words).subList(0, end));
        return normalized.isEmpty() || normalized.equals("UNK") || normalized.equals("UNKNOWN") ? null : normalized;
    }

    /**
     * The family of a model designation: its leading letters, an optional hyphen and the digits after
     * them ("172N" and "172 SKYHAWK" are 172, "PA-28-140" is PA-28, "R44 II" is R44, "737-2H4" is 737).
     */
    static @Nullable String modelFamily(@Nullable String make, @Nullable String model) {
        String maker = normalizeMake(make);
        if (maker == null || model == null) {
            return null;
        }
        // by hand, not by regex: this runs in every request's encode
        StringBuilder designation = new StringBuilder(8);
        int i = 0;
        int n = model.length();
        while (i < n && (Character.isWhitespace(model.charAt(i)) || Character.isLetter(model.charAt(i)))) {
            appendUpper(designation, model.charAt(i++));
        }
        if (i < n && model.charAt(i) == '-') {
            int afterHyphen = i + 1;
            if (afterHyphen < n && Character.isDigit(model.charAt(afterHyphen))) {
                designation.append('-');
                i = afterHyphen;
            }
        }
        while (i < n && (Character.isWhitespace(model.charAt(i)) || Character.isDigit(model.charAt(i)))) {
            appendUpper(designation, model.charAt(i++));
        }
        String family = designation.toString();
        return family.isEmpty() || family.equals("UNK") || family.equals("UNKNOWN") ? null : maker + " " + family;
    }

    private static void appendUpper(StringBuilder out, char c) {
        if (!Character.isWhitespace(c)) {
            out.append(Character.toUpperCase(c));
        }
    }

    static @Nullable String registry(@Nullable String registration) {
        if (registration == null || registration.isBlank()) {
            return null;
        }
        String mark = registration.strip().toUpperCase(Locale.ROOT);
        if (mark.equals("UNK") || mark.equals("UNKN") || mark.equals("NONE")) {
            return null;
        }
        return US_REGISTRATION.matcher(mark).find() ? "US" : "FOREIGN";
    }

    static @Nullable String airport(@Nullable String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        return switch (id.strip().toUpperCase(Locale.ROOT)) {
            case "NONE", "N/A", "NA" -> "NONE";
            case "PVT" -> "PRIVATE";
            case "UNK", "UNKN" -> null;
            default -> "NAMED";
        };
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
