package aero.severity.ml.dataset;

import java.util.Objects;

import aero.severity.domain.FlightFacts;
import aero.severity.domain.Severity;

/** One event of the training set: its pre-outcome facts and its highest injury (the label). */
public record LabelledEvent(String eventId, FlightFacts facts, Severity severity) {

    public LabelledEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(severity, "severity");
    }

    public int year() {
        return facts.eventDate().getYear();
    }
}
