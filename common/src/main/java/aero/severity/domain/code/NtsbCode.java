package aero.severity.domain.code;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A value from one of the NTSB code tables ({@code ct_iaids} and friends), e.g. {@code DAYL} for
 * daylight. {@link #code()} is the code exactly as the NTSB stores it, without the space padding.
 */
public interface NtsbCode {

    /** The code as the NTSB writes it; also its JSON form (Jackson reads enums back by this value). */
    @JsonValue
    String code();

    String meaning();
}
