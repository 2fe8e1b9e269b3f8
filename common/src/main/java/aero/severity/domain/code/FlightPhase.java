package aero.severity.domain.code;

import java.util.Optional;

/**
 * Broad phase of flight at the time of the occurrence: the hundreds-and-tens groups of the NTSB
 * specific phase codes ({@code aircraft.phase_flt_spec}, 500-610) and the "Broad.Phase.of.Flight"
 * column of the public AviationData/CAROL export.
 */
public enum FlightPhase implements NtsbCode {
    STANDING("STANDING", "Standing", 500),
    TAXI("TAXI", "Taxi", 510),
    TAKEOFF("TAKEOFF", "Takeoff", 520),
    CLIMB("CLIMB", "Climb", 530),
    CRUISE("CRUISE", "Cruise", 540),
    DESCENT("DESCENT", "Descent", 550),
    APPROACH("APPROACH", "Approach", 560),
    GO_AROUND("GO-AROUND", "Go-around / missed approach", 565),
    LANDING("LANDING", "Landing", 570),
    MANEUVERING("MANEUVERING", "Maneuvering", 580),
    HOVER("HOVER", "Hover", 590),
    OTHER("OTHER", "Other", 600);

    private final String code;
    private final String meaning;
    private final int blockCode;

    FlightPhase(String code, String meaning, int blockCode) {
        this.code = code;
        this.meaning = meaning;
        this.blockCode = blockCode;
    }

    /**
     * The specific phase code that stands for the whole phase: the first code of its block (LANDING
     * 570, CRUISE 540, GO-AROUND 565). What a source that knows only the broad phase (the CAROL
     * export) stores in {@code phase_flt_spec}; {@link #ofSpecificCode} maps it back to this phase.
     */
    public int blockCode() {
        return blockCode;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String meaning() {
        return meaning;
    }

    /**
     * The broad phase of an NTSB specific phase code, e.g. 571 (landing - flare/touchdown) is
     * {@link #LANDING}. Empty for 610 (unknown) and for codes outside the table.
     */
    public static Optional<FlightPhase> ofSpecificCode(int specificCode) {
        if (specificCode == 565 || specificCode == 569) {
            return Optional.of(GO_AROUND);
        }
        if (specificCode == 542) {
            return Optional.of(MANEUVERING); // "Maneuvering - holding (IFR)" sits in the cruise block
        }
        return Optional.ofNullable(
                switch (specificCode / 10) {
                    case 50 -> STANDING;
                    case 51 -> TAXI;
                    case 52 -> TAKEOFF;
                    case 53 -> CLIMB;
                    case 54 -> CRUISE;
                    case 55 -> DESCENT;
                    case 56 -> APPROACH;
                    case 57 -> LANDING;
                    case 58 -> MANEUVERING;
                    case 59 -> HOVER;
                    case 60 -> OTHER;
                    default -> null;
                });
    }
}
