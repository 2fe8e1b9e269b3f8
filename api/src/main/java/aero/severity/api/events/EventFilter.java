package aero.severity.api.events;

import java.time.LocalDate;

import aero.severity.domain.Severity;
import aero.severity.domain.code.State;
import org.jspecify.annotations.Nullable;

/** The filters of {@code GET /events}; each null means "any". */
record EventFilter(
        @Nullable State state,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        @Nullable Severity severity) {}
