package aero.severity.ingest.load;

import aero.severity.testing.RealServicesExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** The loading guarantees on real PostgreSQL + PostGIS (staging through COPY, advisory lock). */
@ExtendWith(RealServicesExtension.class)
class PostgresLoadingIT extends LoadingContract {

    @Override
    TestDatabase newDatabase(String name) {
        return TestDatabase.postgres(name);
    }

    @Override
    String latitudeOf(String column) {
        return "ST_Y(" + column + "::geometry)";
    }

    @Override
    String longitudeOf(String column) {
        return "ST_X(" + column + "::geometry)";
    }
}
