package aero.severity.domain.code;

/** Whether an air carrier operation was scheduled ({@code aircraft.oper_sched}). */
public enum Schedule implements NtsbCode {
    SCHD("SCHD", "Scheduled"),
    NSCH("NSCH", "Non-scheduled"),
    NOT_APPLICABLE("N/A", "Not Applicable");

    private final String code;
    private final String meaning;

    Schedule(String code, String meaning) {
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
