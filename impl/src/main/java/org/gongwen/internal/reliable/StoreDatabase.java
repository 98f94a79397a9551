package org.gongwen.internal.reliable;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.reliable.ReliableConfig;

/**
 * The outbox and inbox database: the application's data source, or a small pool of its own for a
 * JDBC URL or the default H2 file. Every piece of work runs in one transaction at READ COMMITTED.
 * Thread-safe.
 */
final class StoreDatabase implements AutoCloseable {
    /** SQLState of a unique or primary key violation (H2, PostgreSQL and the SQL standard). */
    static final String UNIQUE_VIOLATION = "23505";

    private final DataSource source;
    private final HikariDataSource ownPool;
    private final String description;
    private final boolean embeddedH2;

    /** Work done inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        /** Runs with a connection whose auto-commit is off. */
        T run(Connection c) throws SQLException, GongwenException;
    }

    private StoreDatabase(DataSource source, HikariDataSource ownPool, String description) {
        this.source = source;
        this.ownPool = ownPool;
        this.description = description;
        this.embeddedH2 = ownPool != null && description.startsWith("jdbc:h2:file:");
    }

    /**
     * Opens the configured database and brings its tables to the current schema.
     *
     * @throws GongwenException {@code LOC-001} if it cannot be opened or its schema is newer than this code
     */
    static StoreDatabase open(ReliableConfig config, int poolSize) throws GongwenException {
        return open(config, poolSize, null);
    }

    /**
     * Opens the store as {@link #open(ReliableConfig, int)} and binds it to {@code organisation}
     * (if not null).
     *
     * @throws GongwenException {@code LOC-002} if the store belongs to another organisation
     */
    static StoreDatabase open(ReliableConfig config, int poolSize, String organisation) throws GongwenException {
        StoreDatabase db;
        if (config.dataSource() != null) {
            db = new StoreDatabase(config.dataSource(), null, "the application's data source");
        } else {
            String url = config.jdbcUrl() != null ? config.jdbcUrl() : defaultUrl(config.directory());
            HikariConfig hc = new HikariConfig();
            hc.setJdbcUrl(url);
            hc.setUsername(config.jdbcUser());
            hc.setPassword(config.jdbcPassword());
            hc.setPoolName("gongwen-store");
            hc.setMaximumPoolSize(poolSize);
            hc.setMinimumIdle(1);
            hc.setAutoCommit(false);
            hc.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
            String shown = withoutParameters(url);
            HikariDataSource pool;
            try {
                pool = new HikariDataSource(hc);
            } catch (RuntimeException e) {
                throw new GongwenException(ErrorCode.LOCAL_IO, "cannot open the outbox/inbox database " + shown + ": " + e.getMessage(), e);
            }
            db = new StoreDatabase(pool, pool, shown);
        }
        try {
            try {
                db.inTransaction(c -> {
                    StoreSchema.bringUpToDate(c);
                    return null;
                });
            } catch (GongwenException first) {
                // two processes creating a new store at once: one CREATE TABLE loses; the second try finds the tables
            }
            db.inTransaction(c -> {
                StoreSchema.bringUpToDate(c);
                if (organisation != null) {
                    StoreSchema.claim(c, organisation);
                }
                return null;
            });
        } catch (GongwenException | RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /**
     * The embedded H2 file inside the store folder. {@code WRITE_DELAY=0} writes every commit to
     * the file before the commit returns, so a killed process loses no committed row.
     */
    static String defaultUrl(Path directory) {
        return "jdbc:h2:file:" + directory.toAbsolutePath().resolve("db").resolve("gongwen-store").toString().replace('\\', '/')
                + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";
    }

    private static String withoutParameters(String url) {
        int semi = url.indexOf(';');
        int q = url.indexOf('?');
        int cut = semi < 0 ? q : q < 0 ? semi : Math.min(semi, q);
        return cut < 0 ? url : url.substring(0, cut);
    }

    /**
     * Runs work in one transaction: committed if it returns, rolled back if it throws.
     *
     * @throws GongwenException what the work threw, or {@code LOC-001} for a database failure
     */
    <T> T inTransaction(Work<T> work) throws GongwenException {
        try (Connection c = source.getConnection()) {
            boolean auto = c.getAutoCommit();
            if (auto) {
                c.setAutoCommit(false);
            }
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | GongwenException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                if (auto) {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "the outbox/inbox database " + description + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * A connection with auto-commit off, for the handler's transaction; the caller commits and
     * closes it. Closing it restores auto-commit for the pool it came from.
     */
    Connection transaction() throws GongwenException {
        Connection c = null;
        try {
            c = source.getConnection();
            if (c.getAutoCommit()) {
                c.setAutoCommit(false);
                Connection real = c;
                return (Connection) java.lang.reflect.Proxy.newProxyInstance(StoreDatabase.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            if (method.getName().equals("close")) {
                                try {
                                    real.setAutoCommit(true);
                                } finally {
                                    real.close();
                                }
                                return null;
                            }
                            try {
                                return method.invoke(real, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
            return c;
        } catch (SQLException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // already failing
                }
            }
            throw new GongwenException(ErrorCode.LOCAL_IO, "the outbox/inbox database " + description + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * On the embedded H2 store, forces what is committed to stable storage ({@code CHECKPOINT
     * SYNC}): H2 writes commits to the file at once ({@code WRITE_DELAY=0}) but does not sync
     * them. Called before the outbox reports a message written and before the inbox acknowledges
     * one, so that not even a power failure loses them. Other databases sync on commit themselves.
     */
    void syncIfEmbedded() throws GongwenException {
        if (!embeddedH2) {
            return;
        }
        try (Connection c = source.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
            c.commit();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; closing it discards the transaction
        }
    }

    /** A database failure as a {@code LOC-001}. */
    GongwenException failure(SQLException e) {
        return new GongwenException(ErrorCode.LOCAL_IO, "the outbox/inbox database " + description + " failed: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        if (ownPool != null) {
            ownPool.close();
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
