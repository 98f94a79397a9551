package org.gongwen.cli;

import java.nio.file.Path;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.reliable.ReliableConfig;
import org.gongwen.api.reliable.ReliableExchange;
import org.gongwen.internal.keys.PasswordFile;
import picocli.CommandLine.Option;

/** The options naming an organisation's outbox and inbox store, shared by {@code outbox} and {@code inbox}. */
final class StoreOptions {
    @Option(names = "--store", required = true, paramLabel = "DIR",
            description = "the store folder: package files, and the H2 database unless --database is given")
    Path directory;

    @Option(names = "--database", paramLabel = "JDBC_URL",
            description = "keep the rows in this database instead (for example jdbc:postgresql://host/db); its driver must be on the class path")
    String url;

    @Option(names = "--database-user", paramLabel = "NAME", description = "the database user")
    String user;

    @Option(names = "--database-password-file", paramLabel = "FILE", description = "a file holding the database password (first line)")
    Path passwordFile;

    /** Opens the store for {@code client}; the caller closes it before the client. */
    ReliableExchange open(Gongwen gw, ExchangeClient client) throws GongwenException {
        ReliableConfig.Builder b = ReliableConfig.builder(directory);
        if (url != null) {
            String password = passwordFile == null ? null : new String(PasswordFile.read(passwordFile));
            b.database(url, user, password);
        }
        return gw.reliableExchange(client, b.build());
    }
}
