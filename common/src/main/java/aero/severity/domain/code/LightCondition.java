package aero.severity.domain.code;

/** Light condition at the event ({@code events.light_cond}). */
public enum LightCondition implements NtsbCode {
    DAWN("DAWN", "Dawn"),
    DAYL("DAYL", "Day"),
    DUSK("DUSK", "Dusk"),
    NBRT("NBRT", "Night/Bright"),
    NDRK("NDRK", "Night/Dark"),
    NITE("NITE", "Night");

    private final String code;
    private final String meaning;

    LightCondition(String code, String meaning) {
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
