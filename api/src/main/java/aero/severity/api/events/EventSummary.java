package aero.severity.api.events;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** An event as lists show it. Codes are the NTSB's; null means the NTSB does not know. */
@Schema(description = "An NTSB event (accident or incident)")
record EventSummary(
        @Schema(example = "20190714X12345") String evId,
        @Schema(example = "CEN19LA123") @Nullable String ntsbNo,

        @Schema(example = "ACC", description = "ACC accident, INC incident") @Nullable
        String eventType,

        @Nullable LocalDate date,
        @Nullable String city,
        @Schema(example = "CO") @Nullable String state,
        @Schema(example = "USA") @Nullable String country,

        @Schema(example = "FATL", description = "FATL, SERS, MINR or NONE") @Nullable
        String highestInjury,

        @Nullable Double latitude,
        @Nullable Double longitude) {}
