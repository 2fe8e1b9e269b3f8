package aero.severity.ingest.load;

import java.nio.file.Files;

/** The same loading guarantees on the embedded H2 + H2GIS file database (staging through batched inserts). */
class H2LoadingIT extends LoadingContract {

    @Override
    TestDatabase newDatabase(String name) throws Exception {
        return TestDatabase.h2(Files.createTempDirectory(folder, name));
    }

    @Override
    String latitudeOf(String column) {
        return "ST_Y(" + column + ")";
    }

    @Override
    String longitudeOf(String column) {
        return "ST_X(" + column + ")";
    }
}
