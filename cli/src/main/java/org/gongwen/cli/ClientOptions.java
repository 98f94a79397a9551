package org.gongwen.cli;

import java.nio.file.Path;
import java.util.List;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.ExchangeConfig;
import org.gongwen.internal.transport.HttpExchangeClient;
import org.gongwen.internal.transport.TransferListener;
import picocli.CommandLine.Option;

/** The {@code --client} option shared by the exchange commands. */
final class ClientOptions {
    @Option(names = "--client", required = true, paramLabel = "FILE",
            description = "the organisation's client configuration: home node, TLS and signing keys, trust anchors (docs/cli.md)")
    Path file;

    /** The configuration named by {@code --client}. */
    ExchangeConfig config(Gongwen gw) throws GongwenException {
        InputFiles.requireReadable(List.of(file));
        return gw.exchangeConfig(file);
    }

    /** A client for the configuration; the caller closes it. */
    ExchangeClient open(Gongwen gw) throws GongwenException {
        return gw.exchangeClient(config(gw));
    }

    /** A client for a configuration read with {@link #config}, reporting transfers to {@code progress}; the caller closes it. */
    static ExchangeClient open(ExchangeConfig config, TransferListener progress) throws GongwenException {
        return HttpExchangeClient.open(config, progress);
    }
}
