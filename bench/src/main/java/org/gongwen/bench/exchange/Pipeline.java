package org.gongwen.bench.exchange;

/**
 * How the messages of one {@link ReliableRun} case leave the senders and reach the recipient's
 * filing table: through the plain client, or through outboxes and inboxes.
 */
interface Pipeline extends AutoCloseable {
    /** What each sending thread does with a signed package. */
    SenderLoop.Submitter submitter();

    /** Starts the recipient (and any background sender). */
    void start() throws Exception;

    /** Submissions the node refused for now and that were made again, in the whole case. */
    long retries();

    /** What the SDK's stores counted, for the report; empty for the plain client. */
    String counters();

    /** Stops everything; afterwards {@link #filingUrl()} may be read. */
    @Override
    void close() throws Exception;

    /** The JDBC URL of the database holding the filing table, once closed. */
    String filingUrl() throws Exception;
}
