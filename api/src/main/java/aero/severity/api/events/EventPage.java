package aero.severity.api.events;

import java.util.List;

/** One page of events, newest first. */
record EventPage(List<EventSummary> content, int page, int size, long totalElements, int totalPages) {}
