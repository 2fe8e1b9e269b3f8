package aero.severity.ingest.load;

import java.sql.Types;
import java.util.Locale;

/** A column of a database table as JDBC describes it, reduced to what conversion needs. */
record TargetColumn(String name, Kind kind, int length) {

    enum Kind {
        TEXT,
        SMALLINT,
        INTEGER,
        REAL,
        DOUBLE,
        DATE,
        TIMESTAMP,
        BOOLEAN,
        LOCATION
    }

    static TargetColumn of(String name, int jdbcType, String typeName, int size) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("location")) {
            return new TargetColumn(lower, Kind.LOCATION, 0);
        }
        Kind kind = switch (jdbcType) {
            case Types.SMALLINT, Types.TINYINT -> Kind.SMALLINT;
            case Types.INTEGER, Types.BIGINT -> Kind.INTEGER;
            case Types.REAL -> Kind.REAL;
            case Types.FLOAT, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL -> Kind.DOUBLE;
            case Types.DATE -> Kind.DATE;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> Kind.TIMESTAMP;
            case Types.BOOLEAN, Types.BIT -> Kind.BOOLEAN;
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB, Types.NVARCHAR -> Kind.TEXT;
            default -> throw new IllegalStateException("column " + name + " has unsupported type " + typeName);
        };
        // PostgreSQL reports unbounded text as 2147483647 characters, H2 as 1000000000
        boolean bounded = kind == Kind.TEXT && size > 0 && size < 10_000;
        return new TargetColumn(lower, kind, bounded ? size : 0);
    }

    /** Short codes: trimmed, and the NTSB's spellings of "unknown" read as no value. */
    boolean code() {
        return kind == Kind.TEXT && length > 0 && length <= 5;
    }
}
