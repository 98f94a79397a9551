/**
 * Nothing lost, nothing twice: a persistent outbox and inbox on top of an
 * {@link org.gongwen.api.exchange.ExchangeClient}. {@link org.gongwen.api.reliable.ReliableExchange}
 * writes every outgoing package to its outbox before anything goes on the wire and resends it with
 * the same bytes until the home node answers; it stores every incoming message in its inbox before
 * acknowledging it and hands it to the application's {@link org.gongwen.api.reliable.InboxHandler}
 * exactly once, in the same database transaction that marks it handled.
 */
package org.gongwen.api.reliable;
