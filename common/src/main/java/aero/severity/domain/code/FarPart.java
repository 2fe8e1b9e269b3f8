package aero.severity.domain.code;

/** Federal Aviation Regulation part the flight operated under ({@code aircraft.far_part}, code table {@code ct_fars}). */
public enum FarPart implements NtsbCode {
    PART_91("091", "Part 91: General Aviation"),
    PART_91F("091F", "Part 91F: Special Flt Ops."),
    PART_91K("091K", "Part 91 Subpart K: Fractional"),
    PART_103("103", "Part 103: Ultralight"),
    PART_105("105", "Part 105: Parachute Jumping"),
    PART_107("107", "Part 107: Small UAS"),
    PART_121("121", "Part 121: Air Carrier"),
    PART_125("125", "Part 125: 20+ Pax,6000+ lbs"),
    PART_127("127", "Part 127: Sched AirCar w/Heli."),
    PART_129("129", "Part 129: Foreign"),
    PART_133("133", "Part 133: Rotorcraft Ext. Load"),
    PART_135("135", "Part 135: Air Taxi & Commuter"),
    PART_137("137", "Part 137: Agricultural"),
    PART_141("141", "Part 141: Pilot Schools"),
    PART_415("415", "Part 415: Commercial Space"),
    PART_431("431", "Part 431: Commercial Space"),
    PART_435("435", "Part 435: Commercial Space"),
    PART_437("437", "Part 437: Commercial Space"),
    ARMF("ARMF", "Armed Forces"),
    NUSC("NUSC", "Non-U.S., Commercial"),
    NUSN("NUSN", "Non-U.S., Non-Commercial"),
    PUBF("PUBF", "Public Use - Federal"),
    PUBL("PUBL", "Public Use - Local"),
    PUBS("PUBS", "Public Use - State"),
    PUBU("PUBU", "Public Use");

    private final String code;
    private final String meaning;

    FarPart(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
