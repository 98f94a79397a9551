/**
 * The organisation side of the transport binding (spec/transport.md): an {@link
 * org.gongwen.api.exchange.ExchangeClient} over Apache HttpClient 5 with mutual TLS, which
 * streams packages up and down, verifies every receipt and every fetched package, and signs the
 * receipts the organisation issues. No class here retries on its own.
 */
package org.gongwen.internal.transport;
