package aero.severity.domain.code;

import java.util.List;

/** A code that is not in the NTSB code table it was read against. */
public final class UnknownCodeException extends RuntimeException {

    private final String codeTable;
    private final String rawValue;
    private final List<String> allowed;

    public UnknownCodeException(String codeTable, String rawValue, List<String> allowed) {
        super("'" + rawValue + "' is not a known " + codeTable + " code; allowed: " + String.join(", ", allowed));
        this.codeTable = codeTable;
        this.rawValue = rawValue;
        this.allowed = List.copyOf(allowed);
    }

    public String codeTable() {
        return codeTable;
    }

    public String rawValue() {
        return rawValue;
    }

    public List<String> allowed() {
        return allowed;
    }
}
