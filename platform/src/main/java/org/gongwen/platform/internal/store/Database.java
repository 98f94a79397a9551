package org.gongwen.platform.internal.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;

/**
 * The node's JDBC database: a small connection pool and a transaction helper. The schema is the
 * same portable SQL for H2 and PostgreSQL ({@link Schema}). Thread-safe.
 */
public final class Database implements AutoCloseable {
    /** SQLState of a unique or primary key violation (H2 and PostgreSQL). */
    static final String UNIQUE_VIOLATION = "23505";

    private final HikariDataSource pool;

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        /** Runs with a connection whose auto-commit is off. */
        T run(Connection c) throws SQLException, GongwenException;
    }

    /**
     * Opens the pool and creates or checks the schema.
     *
     * @throws GongwenException {@code LOC-001} if the database cannot be opened or has a newer schema
     */
    public Database(String url, String user, String password, String poolName) throws GongwenException {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setPoolName(poolName);
        hc.setMaximumPoolSize(8);
        hc.setMinimumIdle(1);
        hc.setAutoCommit(false);
        hc.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        try {
            this.pool = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot open the database " + redact(url) + ": " + e.getMessage(), e);
        }
        try {
            inTransaction(c -> {
                Schema.createOrCheck(c);
                return null;
            });
        } catch (GongwenException | RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static String redact(String url) {
        int i = url.indexOf(';');
        int q = url.indexOf('?');
        int cut = i < 0 ? q : q < 0 ? i : Math.min(i, q);
        return cut < 0 ? url : url.substring(0, cut);
    }

    /**
     * Runs work in one transaction: committed if it returns, rolled back if it throws.
     *
     * @throws GongwenException what the work threw, or {@code LOC-001} for a database failure
     */
    public <T> T inTransaction(Work<T> work) throws GongwenException {
        try (Connection c = pool.getConnection()) {
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | GongwenException | RuntimeException e) {
                rollback(c);
                throw e;
            }
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new DuplicateKeyException(e);
            }
            throw new GongwenException(ErrorCode.LOCAL_IO, "database: " + e.getMessage(), e);
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one to report
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    /** A unique key was violated: another request stored the same row first. */
    public static final class DuplicateKeyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DuplicateKeyException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
