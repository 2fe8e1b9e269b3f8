package aero.severity.domain.code;

/** Pilot certificate ({@code crew_cert_code}, code table {@code ct_crew_cert_code}). {@code NONE} is a real value: no certificate. */
public enum PilotCertificate implements NtsbCode {
    ATP("ATP", "Airline Transport"),
    COMM("COMM", "Commercial"),
    PRI("PRI", "Private"),
    STU("STU", "Student"),
    SPRT("SPRT", "Sport Pilot"),
    REC("REC", "Recreational"),
    CFI("CFI", "Flight Instructor"),
    FE("FE", "Flight Engineer"),
    FORN("FORN", "Foreign"),
    MIL("MIL", "Military"),
    RMPT("RMPT", "Remote Pilot"),
    NONE("NONE", "None");

    private final String code;
    private final String meaning;

    PilotCertificate(String code, String meaning) {
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
