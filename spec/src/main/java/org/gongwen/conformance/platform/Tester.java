package org.gongwen.conformance.platform;

import java.util.Objects;
import org.gongwen.api.exchange.ExchangeConfig;
import org.gongwen.api.id.OrgCode;

/**
 * A tester organisation: its code and its client configuration (home node, TLS identity, signing
 * identity, trust anchors). {@link #toString()} shows no key.
 *
 * @param organisation the organisation code its certificates name
 * @param config its client configuration
 */
public record Tester(OrgCode organisation, ExchangeConfig config) {
    /** Checks that both are present. */
    public Tester {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(config, "config");
    }

    @Override
    public String toString() {
        return organisation + " at " + config.node();
    }
}
