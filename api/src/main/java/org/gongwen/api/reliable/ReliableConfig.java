package org.gongwen.api.reliable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Where a {@link ReliableExchange} keeps its outbox and inbox, and how patiently it works. Built
 * once and passed to {@link org.gongwen.api.Gongwen#reliableExchange}; nothing is read from system
 * properties. Immutable; the database password never appears in {@link #toString()}.
 *
 * <p>The folder holds the package files of both boxes; the database holds their rows. By default
 * the database is an embedded H2 file inside the folder. Give a JDBC URL (PostgreSQL, or any
 * database with standard SQL) or the application's own {@link DataSource} to keep the boxes
 * beside the application's data: a handler that writes through the inbox's transaction is then
 * exactly-once together with the inbox.
 */
public final class ReliableConfig {
    private final Path directory;
    private final String jdbcUrl;
    private final String jdbcUser;
    private final String jdbcPassword;
    private final DataSource dataSource;
    private final RetrySchedule sendRetry;
    private final RetrySchedule handlerRetry;
    private final int handlerAttempts;
    private final Duration giveUpAfter;
    private final Duration statusInterval;
    private final Duration trackFor;
    private final Duration receiveWait;
    private final int senders;
    private final InboxHandler handler;
    private final ExchangeListener listener;

    private ReliableConfig(Builder b) {
        this.directory = Objects.requireNonNull(b.directory, "the store folder is required");
        this.dataSource = b.dataSource;
        this.jdbcUrl = b.jdbcUrl;
        this.jdbcUser = b.jdbcUser;
        this.jdbcPassword = b.jdbcPassword;
        if (dataSource != null && jdbcUrl != null) {
            throw new IllegalStateException("give either a JDBC URL or a DataSource, not both");
        }
        this.sendRetry = Objects.requireNonNull(b.sendRetry, "sendRetry");
        this.handlerRetry = Objects.requireNonNull(b.handlerRetry, "handlerRetry");
        if (b.handlerAttempts < 1 || b.handlerAttempts > 1000) {
            throw new IllegalArgumentException("handlerAttempts must be 1 to 1000, got " + b.handlerAttempts);
        }
        this.handlerAttempts = b.handlerAttempts;
        this.giveUpAfter = positive("giveUpAfter", b.giveUpAfter, TEN_YEARS);
        this.statusInterval = positive("statusInterval", b.statusInterval, Duration.ofDays(1));
        this.trackFor = positive("trackFor", b.trackFor, TEN_YEARS);
        this.receiveWait = Objects.requireNonNull(b.receiveWait, "receiveWait");
        if (receiveWait.isNegative() || receiveWait.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("receiveWait must be 0 to 1 hour, got " + receiveWait);
        }
        if (b.senders < 1 || b.senders > 64) {
            throw new IllegalArgumentException("senders must be 1 to 64, got " + b.senders);
        }
        this.senders = b.senders;
        this.handler = b.handler;
        this.listener = b.listener;
    }

    private static final Duration TEN_YEARS = Duration.ofDays(3653);

    private static Duration positive(String name, Duration d, Duration max) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero() || d.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be positive and at most " + max + ", got " + d);
        }
        return d;
    }

    /**
     * Starts a configuration whose package files (and, unless a database is given, the H2
     * database) live in {@code directory}, created if missing.
     */
    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    /** The folder of the package files. */
    public Path directory() { return directory; }

    /** The JDBC URL given, or null for the application's {@link DataSource} or the default H2 file. */
    public String jdbcUrl() { return jdbcUrl; }

    /** The JDBC user given with the URL, or null. */
    public String jdbcUser() { return jdbcUser; }

    /** The JDBC password given with the URL, or null. */
    public String jdbcPassword() { return jdbcPassword; }

    /** The application's data source, or null. */
    public DataSource dataSource() { return dataSource; }

    /** When to resend after a failure a retry can mend. */
    public RetrySchedule sendRetry() { return sendRetry; }

    /** When to call the handler again after it failed. */
    public RetrySchedule handlerRetry() { return handlerRetry; }

    /** How many handler calls a message gets before it is parked. */
    public int handlerAttempts() { return handlerAttempts; }

    /** How long a message without {@code Expires} is resent before it is given up. */
    public Duration giveUpAfter() { return giveUpAfter; }

    /** How often the status of an accepted message is read while a recipient's state can still change. */
    public Duration statusInterval() { return statusInterval; }

    /** How long after acceptance the status is still read. */
    public Duration trackFor() { return trackFor; }

    /** How long one mailbox request waits for news (long-poll) in the background receiver. */
    public Duration receiveWait() { return receiveWait; }

    /** How many messages the background sender hands to the node at the same time. */
    public int senders() { return senders; }

    /** The handler of incoming messages, or null for an application that only sends. */
    public InboxHandler handler() { return handler; }

    /** The listener, if one was given. */
    public Optional<ExchangeListener> listener() { return Optional.ofNullable(listener); }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder(directory);
        b.jdbcUrl = jdbcUrl;
        b.jdbcUser = jdbcUser;
        b.jdbcPassword = jdbcPassword;
        b.dataSource = dataSource;
        b.sendRetry = sendRetry;
        b.handlerRetry = handlerRetry;
        b.handlerAttempts = handlerAttempts;
        b.giveUpAfter = giveUpAfter;
        b.statusInterval = statusInterval;
        b.trackFor = trackFor;
        b.receiveWait = receiveWait;
        b.senders = senders;
        b.handler = handler;
        b.listener = listener;
        return b;
    }

    @Override
    public String toString() {
        String db = dataSource != null ? "DataSource " + dataSource.getClass().getName()
                : jdbcUrl != null ? jdbcUrl.replaceAll("(?i)(password=)[^;&]*", "$1***") : "embedded H2";
        return "ReliableConfig{" + directory + ", " + db + ", send " + sendRetry + ", handler attempts " + handlerAttempts + "}";
    }

    /** Builds a {@link ReliableConfig}. Not thread-safe. */
    public static final class Builder {
        private final Path directory;
        private String jdbcUrl;
        private String jdbcUser;
        private String jdbcPassword;
        private DataSource dataSource;
        private RetrySchedule sendRetry = RetrySchedule.exponential(Duration.ofSeconds(2), Duration.ofMinutes(10));
        private RetrySchedule handlerRetry = RetrySchedule.exponential(Duration.ofSeconds(5), Duration.ofMinutes(5));
        private int handlerAttempts = 5;
        private Duration giveUpAfter = Duration.ofDays(7);
        private Duration statusInterval = Duration.ofMinutes(1);
        private Duration trackFor = Duration.ofDays(30);
        private Duration receiveWait = Duration.ofSeconds(30);
        private int senders = 2;
        private InboxHandler handler;
        private ExchangeListener listener;

        private Builder(Path directory) {
            this.directory = directory;
        }

        /** Keeps the rows in the database at this JDBC URL (its driver must be on the class path). */
        public Builder database(String url, String user, String password) {
            this.jdbcUrl = Objects.requireNonNull(url, "url");
            this.jdbcUser = user;
            this.jdbcPassword = password;
            return this;
        }

        /** Keeps the rows in the application's database; the application owns and closes the data source. */
        public Builder database(DataSource ds) {
            this.dataSource = Objects.requireNonNull(ds, "data source");
            return this;
        }

        /** When to resend after a failure a retry can mend (default 2 s doubling to 10 min, 20 % jitter). */
        public Builder sendRetry(RetrySchedule s) { this.sendRetry = s; return this; }

        /** When to call the handler again after it failed (default 5 s doubling to 5 min). */
        public Builder handlerRetry(RetrySchedule s) { this.handlerRetry = s; return this; }

        /** How many handler calls before a message is parked (default 5). */
        public Builder handlerAttempts(int n) { this.handlerAttempts = n; return this; }

        /** How long to resend a message that has no {@code Expires} (default 7 days). */
        public Builder giveUpAfter(Duration d) { this.giveUpAfter = d; return this; }

        /** How often to read the status of accepted messages (default 1 min). */
        public Builder statusInterval(Duration d) { this.statusInterval = d; return this; }

        /** How long after acceptance to keep reading the status (default 30 days). */
        public Builder trackFor(Duration d) { this.trackFor = d; return this; }

        /** How long one background mailbox request waits for news (default 30 s; capped by the client's maximum). */
        public Builder receiveWait(Duration d) { this.receiveWait = d; return this; }

        /** How many messages the background sender sends at the same time (default 2). */
        public Builder senders(int n) { this.senders = n; return this; }

        /** The handler of incoming messages; without one the exchange only sends. */
        public Builder handler(InboxHandler h) { this.handler = h; return this; }

        /** The listener told of every change. */
        public Builder listener(ExchangeListener l) { this.listener = l; return this; }

        /**
         * Builds the configuration.
         *
         * @throws IllegalArgumentException for a value out of range
         * @throws IllegalStateException if both a URL and a data source were given
         */
        public ReliableConfig build() {
            return new ReliableConfig(this);
        }
    }
}
