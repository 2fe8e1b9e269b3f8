package aero.severity.domain;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Where an event happened, as the NTSB records it: {@code dec_latitude/dec_longitude} when both are
 * there and neither is the 0 placeholder, else the DDMMSS[NSEW] text of {@code latitude/longitude}
 * ({@code 324406N}, {@code 1171123W}, hemisphere in any case). One rule for ingest
 * ({@code events.location}) and for the training set, so both read the same place.
 */
public record EventLocation(double latitude, double longitude) {

    private static final Pattern DMS = Pattern.compile("(\\d{1,3})(\\d{2})(\\d{2})(?:\\.\\d+)?([NSEW])");

    public static @Nullable EventLocation of(
            @Nullable Double decLatitude,
            @Nullable Double decLongitude,
            @Nullable String latitude,
            @Nullable String longitude) {
        if (decLatitude != null && decLongitude != null && decLatitude != 0.0 && decLongitude != 0.0) {
            return new EventLocation(decLatitude, decLongitude);
        }
        Double lat = dms(latitude, "N", "S", 90);
        Double lon = dms(longitude, "E", "W", 180);
        return lat == null || lon == null ? null : new EventLocation(lat, lon);
    }

    static @Nullable Double dms(@Nullable String text, String positive, String negative, double limit) {
        if (text == null) {
            return null;
        }
        Matcher m = DMS.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        int minutes = Integer.parseInt(m.group(2));
        int seconds = Integer.parseInt(m.group(3));
        String hemisphere = m.group(4);
        if (minutes > 59 || seconds > 59 || !(hemisphere.equals(positive) || hemisphere.equals(negative))) {
            return null;
        }
        double degrees = Integer.parseInt(m.group(1)) + minutes / 60.0 + seconds / 3600.0;
        if (degrees > limit) {
            return null;
        }
        return hemisphere.equals(negative) ? -degrees : degrees;
    }
}
