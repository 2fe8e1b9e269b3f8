package aero.severity.ingest.source;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One table of a source file. {@code name} is the avall database name ({@code flight_crew});
 * rows are maps keyed by the source's own column names ({@link #columns()}), matched to database
 * columns case-insensitively.
 */
public interface SourceTable {

    String name();

    List<String> columns();

    /** For progress only; -1 when unknown. */
    long estimatedRows();

    Iterator<Map<String, Object>> rows();
}
