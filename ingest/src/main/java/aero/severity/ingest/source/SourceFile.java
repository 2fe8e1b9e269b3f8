package aero.severity.ingest.source;

import java.io.IOException;
import java.util.List;

/** An opened input file: its kind ({@code ACCESS}, {@code CAROL_CSV}) and its avall tables, parents first. */
public interface SourceFile extends AutoCloseable {

    String kind();

    List<SourceTable> tables();

    @Override
    void close() throws IOException;
}
