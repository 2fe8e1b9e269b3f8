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
        String direct = current().jdbcUrl();
        Class<?> testClass = currentTestClass;
        return testClass != null && testClass.isAnnotationPresent(ThroughPgBouncer.class) ? PgBouncer.urlFor(direct) : direct;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        currentTestClass = context.getRequiredTestClass();
        current = FreshDatabase.create(context.getRequiredTestClass().getSimpleName());
    }

    /**
     * After a large load (IngestedSampleIT) an autovacuum worker may be in the database; the test
     * role cannot terminate it, so DROP ... WITH (FORCE) fails until it is done: try again briefly.
     */
    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        FreshDatabase database = current;
        current = null;
        if (database == null) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                database.close();
                return;
            } catch (IllegalStateException e) {
                if (attempt == 20) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }
}
