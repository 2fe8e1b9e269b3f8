package aero.severity.api.support;

import aero.severity.testing.FreshDatabase;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh PostgreSQL database for each test class, dropped after the class. Declared before
 * {@code @SpringBootTest} so that it is created before the Spring context starts and dropped after
 * {@code @DirtiesContext} closed it (JUnit runs after-all callbacks in reverse order of registration).
 * Test classes run one at a time, so "the current database" is a plain static.
 */
public final class FreshDatabaseExtension implements BeforeAllCallback, AfterAllCallback {

    private static volatile FreshDatabase current;
    private static volatile Class<?> currentTestClass;

    public static FreshDatabase current() {
        FreshDatabase database = current;
        if (database == null) {
            throw new IllegalStateException("no fresh database: put @ExtendWith(FreshDatabaseExtension.class) first");
        }
        return database;
    }

    /** The JDBC URL the api under test uses: the database itself, or PgBouncer in front of it ({@link ThroughPgBouncer}). */
    public static String applicationJdbcUrl() {
        FreshDatabase database = current();
        Class<?> testClass = currentTestClass;
        return testClass != null && testClass.isAnnotationPresent(ThroughPgBouncer.class)
                ? PgBouncer.urlFor(database)
                : database.jdbcUrl();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        currentTestClass = context.getRequiredTestClass();
        current = FreshDatabase.create(context.getRequiredTestClass().getSimpleName());
    }

    /** Dropped after the context closed; {@link FreshDatabase#close()} waits out an autovacuum worker. */
    @Override
    public void afterAll(ExtensionContext context) {
        FreshDatabase database = current;
        current = null;
        currentTestClass = null;
        if (database != null) {
            database.close();
        }
    }
}
