package aero.severity.api.analytics;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * @param counted what one count is: an event, or an aircraft (phase of flight belongs to each aircraft)
 */
record SeverityBreakdown(
        String groupBy,
        String counted,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        @Nullable String state,
        List<SeverityCounts> groups) {}
