package aero.severity.api.analytics;

import java.time.LocalDate;

import aero.severity.api.analytics.SeverityStatistics.Grouping;
import aero.severity.api.analytics.SeverityStatistics.Query;
import aero.severity.api.web.InvalidInputException;
import aero.severity.domain.code.State;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "analytics", description = "Highest-injury statistics over the NTSB data")
class AnalyticsController {

    private final SeverityStatistics statistics;

    AnalyticsController(SeverityStatistics statistics) {
        this.statistics = statistics;
    }

    @Operation(summary = "Events by year and highest injury")
    @GetMapping("/severity-by-year")
    SeverityBreakdown byYear(
            @Parameter(example = "2000-01-01")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    @Nullable
                    LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @Parameter(example = "AK") @RequestParam(required = false) @Nullable State state) {
        return statistics.breakdown(query(Grouping.YEAR, from, to, state));
    }

    @Operation(summary = "Events by state and highest injury")
    @GetMapping("/severity-by-state")
    SeverityBreakdown byState(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return statistics.breakdown(query(Grouping.STATE, from, to, null));
    }

    @Operation(
            summary = "Aircraft by broad phase of flight and the event's highest injury",
            description = "Counted per aircraft: a mid-air collision counts once for each aircraft's phase.")
    @GetMapping("/severity-by-phase")
    SeverityBreakdown byPhase(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable State state) {
        return statistics.breakdown(query(Grouping.PHASE, from, to, state));
    }

    private static Query query(
            Grouping grouping, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable State state) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidInputException("from", "must not be after to (" + to + ")");
        }
        return new Query(grouping, from, to, state);
    }
}
