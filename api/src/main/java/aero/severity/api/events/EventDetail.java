package aero.severity.api.events;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** One event with its aircraft and injury totals (the outcome: shown here, never given to a model). */
record EventDetail(
        String evId,
        @Nullable String ntsbNo,
        @Nullable String eventType,
        @Nullable LocalDate date,
        @Nullable String city,
        @Nullable String state,
        @Nullable String country,
        @Nullable Double latitude,
        @Nullable Double longitude,
        @Nullable String highestInjury,
        Injuries injuries,
        @Nullable String lightCondition,
        @Nullable String weatherCondition,
        List<Aircraft> aircraft) {

    record Injuries(
            @Nullable Integer fatal,
            @Nullable Integer serious,
            @Nullable Integer minor,
            @Nullable Integer none) {}

    /**
     * @param phaseOfFlight the broad phase (TAKEOFF, LANDING, ...) of the NTSB specific phase code
     */
    record Aircraft(
            int aircraftKey,
            @Nullable String registration,
            @Nullable String make,
            @Nullable String model,
            @Nullable String category,
            @Nullable String farPart,
            @Nullable String damage,
            @Nullable Integer phaseCode,
            @Nullable String phaseOfFlight) {}
}
