package aero.severity.ml.dataset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The labelled events read for training, with how many events were dropped for having no label
 * (their highest injury unknown). The fingerprint identifies the exact rows: two trainings with the
 * same fingerprint saw the same data.
 */
public record TrainingSet(List<LabelledEvent> events, int droppedWithoutLabel) {

    public TrainingSet {
        events = List.copyOf(events);
    }

    /** SHA-256 over every event (id, label, facts) in event-id order. */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            events.stream().sorted(Comparator.comparing(LabelledEvent::eventId)).forEach(event -> {
                digest.update(event.eventId().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(event.severity().code().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(event.facts().toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
