package org.gongwen.bench.exchange;

/** Where a {@link ReliableRun} case keeps what the SDK must not lose: nowhere, or an outbox and inbox in H2 or PostgreSQL. */
enum StoreMode {
    /** {@code ExchangeClient.send} and {@code receive}: no outbox, no inbox; the handler files into the application's own H2 table. */
    PLAIN("plain"),
    /** {@code ReliableExchange} on both sides with the default stores (an embedded H2 file each). */
    H2("h2"),
    /** {@code ReliableExchange} on both sides with each store in its own fresh PostgreSQL database. */
    POSTGRESQL("postgresql");

    final String label;

    StoreMode(String label) {
        this.label = label;
    }

    /** The mode named on the command line. */
    static StoreMode of(String s) {
        for (StoreMode m : values()) {
            if (m.label.equals(s)) {
                return m;
            }
        }
        throw new IllegalArgumentException("a mode is 'plain', 'h2' or 'postgresql', not '" + s + "'");
    }
}
