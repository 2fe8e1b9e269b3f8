package aero.severity.domain.code;

/** Basic weather conditions ({@code events.wx_cond_basic}). */
public enum WeatherCondition implements NtsbCode {
    VMC("VMC", "Visual Meteorological Conditions"),
    IMC("IMC", "Instrument Meteorological Conditions");

    private final String code;
    private final String meaning;

    WeatherCondition(String code, String meaning) {
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
