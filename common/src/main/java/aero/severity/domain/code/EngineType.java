package aero.severity.domain.code;

/** Engine type ({@code engines.eng_type}, code table {@code ct_eng_type}). {@code NONE} is a real value: no engine. */
public enum EngineType implements NtsbCode {
    REC("REC", "Reciprocating"),
    TP("TP", "Turbo Prop"),
    TF("TF", "Turbo Fan"),
    TJ("TJ", "Turbo Jet"),
    TS("TS", "Turbo Shaft"),
    GTFN("GTFN", "Geared Turbofan"),
    ELEC("ELEC", "Electric"),
    HR("HR", "Hybrid Rocket"),
    LR("LR", "Liquid Rocket"),
    SR("SR", "Solid Rocket"),
    NONE("NONE", "None");

    private final String code;
    private final String meaning;

    EngineType(String code, String meaning) {
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
