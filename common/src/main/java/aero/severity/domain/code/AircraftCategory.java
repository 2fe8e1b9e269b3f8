package aero.severity.domain.code;

/** Aircraft category ({@code aircraft.acft_category}, code table {@code ct_acft_cat}). */
public enum AircraftCategory implements NtsbCode {
    AIR("AIR", "Airplane"),
    BALL("BALL", "Balloon"),
    BLIM("BLIM", "Blimp"),
    GLI("GLI", "Glider"),
    GYRO("GYRO", "Gyroplane"),
    HELI("HELI", "Helicopter"),
    PLFT("PLFT", "Powered-Lift"),
    PPAR("PPAR", "Powered Parachute"),
    RCKT("RCKT", "Rocket"),
    ULTR("ULTR", "Ultralight"),
    WSFT("WSFT", "Weight-Shift");

    private final String code;
    private final String meaning;

    AircraftCategory(String code, String meaning) {
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
