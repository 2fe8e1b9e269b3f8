package aero.severity.domain;

import java.time.LocalDate;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import aero.severity.domain.code.AircraftCategory;
import aero.severity.domain.code.EngineType;
import aero.severity.domain.code.FarPart;
import aero.severity.domain.code.FlightPhase;
import aero.severity.domain.code.FlightPurpose;
import aero.severity.domain.code.LightCondition;
import aero.severity.domain.code.PilotCertificate;
import aero.severity.domain.code.Schedule;
import aero.severity.domain.code.State;
import aero.severity.domain.code.WeatherCondition;
import org.jspecify.annotations.Nullable;

/**
 * What is known about a flight and its occurrence <em>before</em> the outcome: where, when, the
 * aircraft and its engines, the operation, the weather and the pilot. Nothing here describes the
 * outcome (damage, injuries, fire, findings, occurrences, narratives): those never reach a model.
 *
 * <p>Every field but {@link #eventDate} may be null, meaning unknown; the encoder treats unknown
 * explicitly. The constraints are the plausible ranges the api enforces on requests (historical
 * data outside them is encoded as unknown, not rejected).
 */
public record FlightFacts(
        @NotNull(message = "is required") LocalDate eventDate,

        @Min(value = 0, message = "must be an hour 0-23") @Max(value = 23, message = "must be an hour 0-23") @Nullable
        Integer localHour,

        @DecimalMin(value = "-90", message = "must be a latitude in degrees, -90 to 90")
        @DecimalMax(value = "90", message = "must be a latitude in degrees, -90 to 90")
        @Nullable
        Double latitude,

        @DecimalMin(value = "-180", message = "must be a longitude in degrees, -180 to 180")
        @DecimalMax(value = "180", message = "must be a longitude in degrees, -180 to 180")
        @Nullable
        Double longitude,

        @Nullable State state,

        @Pattern(regexp = "[A-Z]{2,3}", message = "must be an NTSB country code, 2-3 capital letters (USA, CA, ...)")
        @Nullable
        String country,

        @Nullable LightCondition lightCondition,
        @Nullable WeatherCondition weatherCondition,

        @Min(value = 0, message = "must be 0-150 knots") @Max(value = 150, message = "must be 0-150 knots") @Nullable
        Integer windSpeedKts,

        @Min(value = 0, message = "must be 0-200 knots") @Max(value = 200, message = "must be 0-200 knots") @Nullable
        Integer windGustKts,

        @DecimalMin(value = "0", message = "must be 0-100 statute miles")
        @DecimalMax(value = "100", message = "must be 0-100 statute miles")
        @Nullable
        Double visibilityMiles,

        @Min(value = -60, message = "must be -60 to 60 degrees Celsius")
        @Max(value = 60, message = "must be -60 to 60 degrees Celsius")
        @Nullable
        Integer temperatureC,

        @Min(value = -3000, message = "must be -3,000 to 30,000 feet")
        @Max(value = 30000, message = "must be -3,000 to 30,000 feet")
        @Nullable
        Integer densityAltitudeFt,

        @Nullable AircraftCategory aircraftCategory,

        @Size(max = 30, message = "must be at most 30 characters") @Nullable
        String make,

        @Nullable Boolean amateurBuilt,

        @Min(value = 0, message = "must be 0-8 engines") @Max(value = 8, message = "must be 0-8 engines") @Nullable
        Integer engineCount,

        @Nullable EngineType engineType,

        @Min(value = 0, message = "must be 0-1,500,000 pounds")
        @Max(value = 1_500_000, message = "must be 0-1,500,000 pounds")
        @Nullable
        Integer maxGrossWeightLbs,

        @Min(value = 1900, message = "must be a year of manufacture 1900-2100")
        @Max(value = 2100, message = "must be a year of manufacture 1900-2100")
        @Nullable
        Integer aircraftYear,

        @Nullable FarPart farPart,
        @Nullable Schedule schedule,
        @Nullable FlightPurpose flightPurpose,
        @Nullable FlightPhase flightPhase,

        @Min(value = 12, message = "must be 12-100 years") @Max(value = 100, message = "must be 12-100 years") @Nullable
        Integer pilotAge,

        @Nullable PilotCertificate pilotCertificate,

        @DecimalMin(value = "0", message = "must be 0-100,000 hours")
        @DecimalMax(value = "100000", message = "must be 0-100,000 hours")
        @Nullable
        Double pilotTotalHours,

        @DecimalMin(value = "0", message = "must be 0-50,000 hours")
        @DecimalMax(value = "50000", message = "must be 0-50,000 hours")
        @Nullable
        Double pilotMakeModelHours,

        @Size(max = 20, message = "must be at most 20 characters") @Nullable
        String aircraftModel,

        @Pattern(
                regexp = "[A-Za-z0-9-]{1,11}",
                message = "must be a registration mark of 1-11 letters, digits or hyphens (N123AB, C-GABC, ...)")
        @Nullable
        String registrationNumber,

        @Pattern(
                regexp = "[A-Za-z0-9/]{1,4}",
                message =
                        "must be an airport identifier of 1-4 letters or digits (DEN, KDEN, PVT for a private strip, NONE)")
        @Nullable
        String nearestAirportId,

        @DecimalMin(value = "0", message = "must be 0-500 statute miles")
        @DecimalMax(value = "500", message = "must be 0-500 statute miles")
        @Nullable
        Double airportDistanceMiles,

        @Size(max = 60, message = "must be at most 60 characters") @Nullable
        String operatorName) {

    /** Earliest event the NTSB database holds. */
    public static final int FIRST_YEAR = 1962;

    public static final int LAST_YEAR = 2100;

    @AssertTrue(message = "must be a date between 1962 and 2100")
    boolean isEventDateInRange() {
        return eventDate == null || (eventDate.getYear() >= FIRST_YEAR && eventDate.getYear() <= LAST_YEAR);
    }

    @AssertTrue(message = "latitude and longitude must be given together")
    boolean isCoordinatesComplete() {
        return (latitude == null) == (longitude == null);
    }

    @AssertTrue(message = "aircraftYear must not be after the event date")
    boolean isAircraftYearNotAfterEvent() {
        return aircraftYear == null || eventDate == null || aircraftYear <= eventDate.getYear() + 1;
    }

    @AssertTrue(message = "pilotMakeModelHours must not exceed pilotTotalHours")
    boolean isMakeModelHoursWithinTotal() {
        return pilotMakeModelHours == null || pilotTotalHours == null || pilotMakeModelHours <= pilotTotalHours;
    }

    public static Builder on(LocalDate eventDate) {
        return new Builder(eventDate);
    }

    /** Facts are many and mostly optional: name the ones you know. */
    public static final class Builder {
        private final LocalDate eventDate;
        private @Nullable Integer localHour;
        private @Nullable Double latitude;
        private @Nullable Double longitude;
        private @Nullable State state;
        private @Nullable String country;
        private @Nullable LightCondition lightCondition;
        private @Nullable WeatherCondition weatherCondition;
        private @Nullable Integer windSpeedKts;
        private @Nullable Integer windGustKts;
        private @Nullable Double visibilityMiles;
        private @Nullable Integer temperatureC;
        private @Nullable Integer densityAltitudeFt;
        private @Nullable AircraftCategory aircraftCategory;
        private @Nullable String make;
        private @Nullable Boolean amateurBuilt;
        private @Nullable Integer engineCount;
        private @Nullable EngineType engineType;
        private @Nullable Integer maxGrossWeightLbs;
        private @Nullable Integer aircraftYear;
        private @Nullable FarPart farPart;
        private @Nullable Schedule schedule;
        private @Nullable FlightPurpose flightPurpose;
        private @Nullable FlightPhase flightPhase;
        private @Nullable Integer pilotAge;
        private @Nullable PilotCertificate pilotCertificate;
        private @Nullable Double pilotTotalHours;
        private @Nullable Double pilotMakeModelHours;
        private @Nullable String aircraftModel;
        private @Nullable String registrationNumber;
        private @Nullable String nearestAirportId;
        private @Nullable Double airportDistanceMiles;
        private @Nullable String operatorName;

        private Builder(LocalDate eventDate) {
            this.eventDate = eventDate;
        }

        public Builder localHour(@Nullable Integer value) {
            this.localHour = value;
            return this;
        }

        public Builder location(@Nullable Double lat, @Nullable Double lon) {
            this.latitude = lat;
            this.longitude = lon;
            return this;
        }

        public Builder state(@Nullable State value) {
            this.state = value;
            return this;
        }

        public Builder country(@Nullable String value) {
            this.country = value;
            return this;
        }

        public Builder lightCondition(@Nullable LightCondition value) {
            this.lightCondition = value;
            return this;
        }

        public Builder weatherCondition(@Nullable WeatherCondition value) {
            this.weatherCondition = value;
            return this;
        }

        public Builder windSpeedKts(@Nullable Integer value) {
            this.windSpeedKts = value;
            return this;
        }

        public Builder windGustKts(@Nullable Integer value) {
            this.windGustKts = value;
            return this;
        }

        public Builder visibilityMiles(@Nullable Double value) {
            this.visibilityMiles = value;
            return this;
        }

        public Builder temperatureC(@Nullable Integer value) {
            this.temperatureC = value;
            return this;
        }

        public Builder densityAltitudeFt(@Nullable Integer value) {
            this.densityAltitudeFt = value;
            return this;
        }

        public Builder aircraftCategory(@Nullable AircraftCategory value) {
            this.aircraftCategory = value;
            return this;
        }

        public Builder make(@Nullable String value) {
            this.make = value;
            return this;
        }

        public Builder amateurBuilt(@Nullable Boolean value) {
            this.amateurBuilt = value;
            return this;
        }

        public Builder engineCount(@Nullable Integer value) {
            this.engineCount = value;
            return this;
        }

        public Builder engineType(@Nullable EngineType value) {
            this.engineType = value;
            return this;
        }

        public Builder maxGrossWeightLbs(@Nullable Integer value) {
            this.maxGrossWeightLbs = value;
            return this;
        }

        public Builder aircraftYear(@Nullable Integer value) {
            this.aircraftYear = value;
            return this;
        }

        public Builder farPart(@Nullable FarPart value) {
            this.farPart = value;
            return this;
        }

        public Builder schedule(@Nullable Schedule value) {
            this.schedule = value;
            return this;
        }

        public Builder flightPurpose(@Nullable FlightPurpose value) {
            this.flightPurpose = value;
            return this;
        }

        public Builder flightPhase(@Nullable FlightPhase value) {
            this.flightPhase = value;
            return this;
        }

        public Builder pilotAge(@Nullable Integer value) {
            this.pilotAge = value;
            return this;
        }

        public Builder pilotCertificate(@Nullable PilotCertificate value) {
            this.pilotCertificate = value;
            return this;
        }

        public Builder pilotTotalHours(@Nullable Double value) {
            this.pilotTotalHours = value;
            return this;
        }

        public Builder pilotMakeModelHours(@Nullable Double value) {
            this.pilotMakeModelHours = value;
            return this;
        }

        public Builder aircraftModel(@Nullable String value) {
            this.aircraftModel = value;
            return this;
        }

        public Builder registrationNumber(@Nullable String value) {
            this.registrationNumber = value;
            return this;
        }

        public Builder nearestAirportId(@Nullable String value) {
            this.nearestAirportId = value;
            return this;
        }

        public Builder airportDistanceMiles(@Nullable Double value) {
            this.airportDistanceMiles = value;
            return this;
        }

        public Builder operatorName(@Nullable String value) {
            this.operatorName = value;
            return this;
        }

        public FlightFacts build() {
            return new FlightFacts(
                    eventDate,
                    localHour,
                    latitude,
                    longitude,
                    state,
                    country,
                    lightCondition,
                    weatherCondition,
                    windSpeedKts,
                    windGustKts,
                    visibilityMiles,
                    temperatureC,
                    densityAltitudeFt,
                    aircraftCategory,
                    make,
                    amateurBuilt,
                    engineCount,
                    engineType,
                    maxGrossWeightLbs,
                    aircraftYear,
                    farPart,
                    schedule,
                    flightPurpose,
                    flightPhase,
                    pilotAge,
                    pilotCertificate,
                    pilotTotalHours,
                    pilotMakeModelHours,
                    aircraftModel,
                    registrationNumber,
                    nearestAirportId,
                    airportDistanceMiles,
                    operatorName);
        }
    }
}
