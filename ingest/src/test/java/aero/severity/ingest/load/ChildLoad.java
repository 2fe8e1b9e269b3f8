package aero.severity.ingest.load;

import java.nio.file.Path;
import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Runs one import in its own JVM, so a test can SIGKILL it part way. Args: jdbc-url user password file. */
public final class ChildLoad {

    private ChildLoad() {}

    public static void main(String[] args) {
        DataSource ds;
        if (args[0].startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setUrl(args[0]);
            pg.setUser(args[1]);
            pg.setPassword(args[2]);
            ds = pg;
        } else {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(args[0]);
            h2.setUser(args[1]);
            h2.setPassword(args[2]);
            ds = h2;
        }
        System.out.println("started");
        new BatchLoader(ds).load(Path.of(args[3]), Progress.NONE);
        System.out.println("finished");
    }
}
