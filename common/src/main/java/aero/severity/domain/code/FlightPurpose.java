package aero.severity.domain.code;

/** Purpose of flight, the NTSB "type of flying" ({@code aircraft.type_fly}, code table {@code ct_type_fly}). */
public enum FlightPurpose implements NtsbCode {
    AAPL("AAPL", "Aerial Application"),
    ADRP("ADRP", "Air Drop"),
    AIRM("AIRM", "Air Medical"),
    AOBV("AOBV", "Aerial Observation"),
    ASHO("ASHO", "Air Race/Show"),
    ATXA("ATXA", "Air Taxi Non-Sched.(135A)"),
    ATXC("ATXC", "Air Taxi Commuter"),
    ATXO("ATXO", "Air Taxi Oper./Large Aircraft"),
    ATXS("ATXS", "Air Taxi Sched./Not Commuter"),
    BANT("BANT", "Banner Tow"),
    BUS("BUS", "Business"),
    CRGO("CRGO", "All Cargo Carriers"),
    EXEC("EXEC", "Executive/Corporate"),
    EXLD("EXLD", "External Load"),
    FERY("FERY", "Ferry"),
    FIRF("FIRF", "Fire Fighting"),
    FLTS("FLTS", "Flight Test"),
    GLDT("GLDT", "Glider Tow"),
    HIRE("HIRE", "For Hire"),
    ILGL("ILGL", "Illegal Cargo/Operation"),
    INDS("INDS", "Industrial Special"),
    INST("INST", "Instructional"),
    OTH("OTH", "Other"),
    OWRK("OWRK", "Other Work Use"),
    PERS("PERS", "Personal"),
    POSI("POSI", "Positioning"),
    PUBF("PUBF", "Public Aircraft - Federal"),
    PUBL("PUBL", "Public Aircraft - Local"),
    PUBS("PUBS", "Public Aircraft - State"),
    PUBU("PUBU", "Public Use"),
    SCAC("SCAC", "Scheduled Air Carrier"),
    SCRH("SCRH", "Sched. Air Carrier Helicopter"),
    SITE("SITE", "Site Seeing"),
    SKYD("SKYD", "Skydiving"),
    SUPP("SUPP", "Supplemental/Commercial Oper."),
    TVLC("TVLC", "Travel Club");

    private final String code;
    private final String meaning;

    FlightPurpose(String code, String meaning) {
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
