package org.pumpauth.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import org.jdbi.v3.core.Handle;

/** Conventions shared by the stores: instants are kept to the millisecond as UTC timestamps. */
public final class Sql {
    private static final String UNIQUE_VIOLATION = "23505";
    /**
     * The states in which the database cancelled a transaction that may succeed when run again:
     * serialization failure (40001, also H2's deadlock), deadlock detected (PostgreSQL 40P01), lock
     * timeout (H2 HYT00, PostgreSQL 55P03).
     */
    private static final java.util.Set<String> TRANSIENT = java.util.Set.of("40001", "40P01", "HYT00", "55P03");

    private Sql() {}

    public static OffsetDateTime timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
    }

    /**
     * Runs {@code sql} once for each row, as one JDBC batch on the handle's connection (in its transaction).
     * The case writer's statements go this way rather than through JDBI's argument binding, which cost
     * the writer a quarter of its CPU (a lookup of an argument factory for every value bound).
     *
     * @throws StoreException when the database refuses the batch; its cause is the driver's exception
     */
    public static <T> void batch(Handle h, String sql, Collection<T> rows, Binder<T> binder) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = h.getConnection().prepareStatement(sql)) {
            for (T row : rows) {
                binder.bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw refused(e);
        }
    }

    /** Binds one row's values to a statement. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    /** The driver's exception as the store's: names the SQL state, never a value (the driver's message may hold one). */
    public static StoreException refused(SQLException e) {
        return new StoreException("the database refused a statement (SQL state " + e.getSQLState() + ")", e);
    }

    /** Binds an instant as a UTC timestamp to the millisecond, or SQL NULL. */
    public static void setTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, timestamp(instant));
        }
    }

    /** Binds a text, or SQL NULL. */
    public static void setText(PreparedStatement statement, int index, String text) throws SQLException {
        if (text == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, text);
        }
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /** The error, or one of its causes, is a unique-constraint violation (the same on H2 and PostgreSQL). */
    public static boolean isUniqueViolation(Throwable e) {
        return hasState(e, java.util.Set.of(UNIQUE_VIOLATION));
    }

    /** The error, one of its causes, or an error chained to one (a batch's), has one of the SQL states. */
    private static boolean hasState(Throwable e, java.util.Set<String> states) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) {
                int depth = 0;
                for (SQLException s = (SQLException) t; s != null && depth < 100; s = s.getNextException(), depth++) {
                    if (states.contains(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The error, or one of its causes, cancelled the transaction to resolve a conflict with another one: run it again. */
    public static boolean isTransient(Throwable e) {
        return hasState(e, TRANSIENT);
    }
}
