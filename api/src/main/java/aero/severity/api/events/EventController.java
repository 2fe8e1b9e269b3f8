package aero.severity.api.events;

import java.time.LocalDate;
import java.util.List;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import aero.severity.api.web.InvalidInputException;
import aero.severity.api.web.NotFoundException;
import aero.severity.domain.Severity;
import aero.severity.domain.code.State;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "events", description = "NTSB accidents and incidents")
class EventController {

    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_NEAR = 500;
    static final int MAX_WITHIN = 5000;
    static final double MAX_RADIUS_KM = 500;

    private final EventRepository events;

    EventController(EventRepository events) {
        this.events = events;
    }

    @Operation(summary = "One event with its aircraft and injury totals")
    @GetMapping("/{evId}")
    EventDetail event(
            @Parameter(example = "20190714X12345")
                    @PathVariable
                    @Pattern(regexp = "[0-9A-Za-z]{14}", message = "must be an NTSB event id: 14 letters and digits")
                    String evId) {
        return events.find(evId).orElseThrow(() -> new NotFoundException("no event with ev_id '" + evId + "'"));
    }

    @Operation(summary = "Events filtered by state, date range and highest injury, newest first, paged")
    @GetMapping
    EventPage list(
            @Parameter(description = "NTSB state code", example = "CO") @RequestParam(required = false) @Nullable
                    State state,
            @Parameter(description = "first event date, inclusive", example = "2010-01-01")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    @Nullable
                    LocalDate from,
            @Parameter(description = "last event date, inclusive", example = "2012-12-31")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    @Nullable
                    LocalDate to,
            @Parameter(description = "highest injury: FATL, SERS, MINR or NONE")
                    @RequestParam(required = false)
                    @Nullable
                    Severity severity,
            @RequestParam(defaultValue = "0")
                    @Min(value = 0, message = "must be 0 or more")
                    @Max(value = 10_000, message = "must be at most 10000; narrow the filters instead")
                    int page,
            @RequestParam(defaultValue = "20")
                    @Min(value = 1, message = "must be 1-100")
                    @Max(value = MAX_PAGE_SIZE, message = "must be 1-100")
                    int size) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidInputException("from", "must not be after to (" + to + ")");
        }
        return events.page(new EventFilter(state, from, to, severity), page, size);
    }

    @Operation(
            summary = "Events within a radius of a point, nearest first",
            description =
                    "PostGIS: ST_DWithin on the geography (metres on the ellipsoid), answered from the GiST index.")
    @GetMapping("/near")
    NearbyEvents near(
            @Parameter(example = "39.8617")
                    @RequestParam
                    @DecimalMin(value = "-90", message = "must be -90 to 90")
                    @DecimalMax(value = "90", message = "must be -90 to 90")
                    double lat,
            @Parameter(example = "-104.6731")
                    @RequestParam
                    @DecimalMin(value = "-180", message = "must be -180 to 180")
                    @DecimalMax(value = "180", message = "must be -180 to 180")
                    double lon,
            @Parameter(example = "25")
                    @RequestParam
                    @DecimalMin(value = "0", inclusive = false, message = "must be more than 0 and at most 500 km")
                    @DecimalMax(value = "500", message = "must be more than 0 and at most 500 km")
                    double radiusKm,
            @RequestParam(defaultValue = "100")
                    @Min(value = 1, message = "must be 1-500")
                    @Max(value = MAX_NEAR, message = "must be 1-500")
                    int limit) {
        List<NearbyEvents.NearbyEvent> found = events.near(lat, lon, radiusKm, limit);
        boolean truncated = found.size() > limit;
        return new NearbyEvents(lat, lon, radiusKm, limit, truncated, truncated ? found.subList(0, limit) : found);
    }

    @Operation(
            summary = "Events inside a bounding box as a GeoJSON FeatureCollection, newest first",
            description = "bbox is minLon,minLat,maxLon,maxLat (RFC 7946); a box with minLon > maxLon crosses the"
                    + " antimeridian. 'truncated' says whether more events matched than 'limit'.")
    @GetMapping(
            path = "/within",
            produces = {GeoJson.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    GeoJson.FeatureCollection within(
            @Parameter(example = "-105.5,39.0,-104.0,40.5") @RequestParam String bbox,
            @RequestParam(defaultValue = "1000")
                    @Min(value = 1, message = "must be 1-5000")
                    @Max(value = MAX_WITHIN, message = "must be 1-5000")
                    int limit) {
        BoundingBox box = BoundingBox.parse(bbox);
        List<EventSummary> found = events.within(box, limit);
        boolean truncated = found.size() > limit;
        return GeoJson.FeatureCollection.of(box, truncated ? found.subList(0, limit) : found, limit, truncated);
    }
}
