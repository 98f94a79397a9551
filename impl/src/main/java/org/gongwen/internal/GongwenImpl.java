package org.gongwen.internal;

import java.nio.file.Path;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.ExchangeConfig;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.envelope.MessageType;
import org.gongwen.api.pkg.LifecycleBuilder;
import org.gongwen.api.pkg.Limits;
import org.gongwen.api.reliable.ReliableConfig;
import org.gongwen.api.reliable.ReliableExchange;
import org.gongwen.internal.reliable.ReliableExchangeImpl;
import org.gongwen.api.pkg.PackageBuilder;
import org.gongwen.api.pkg.PackageVerifier;
import org.gongwen.api.pkg.UnverifiedPackage;
import org.gongwen.api.sign.KeyMaterial;
import org.gongwen.api.trust.TrustPolicy;
import org.gongwen.internal.keys.KeyFiles;
import org.gongwen.internal.lifecycle.LifecycleWriter;
import org.gongwen.internal.pkg.PackageReader;
import org.gongwen.internal.pkg.PackageWriter;
import org.gongwen.internal.transport.HttpExchangeClient;

/** The SDK's entry point. Thread-safe and stateless. */
public final class GongwenImpl implements Gongwen {
    private final KeyMaterial keys = new KeyFiles();

    @Override
    public PackageBuilder newPackage() {
        return new PackageWriter();
    }

    @Override
    public LifecycleBuilder withdrawal(Header original, String reason) {
        return LifecycleWriter.about(MessageType.WITHDRAWAL, original, reason);
    }

    @Override
    public LifecycleBuilder reminder(Header original, String remark) {
        return LifecycleWriter.about(MessageType.REMINDER, original, remark);
    }

    @Override
    public PackageVerifier verifier(TrustPolicy trust) {
        return verifier(trust, Limits.defaults());
    }

    @Override
    public PackageVerifier verifier(TrustPolicy trust, Limits limits) {
        return new PackageReader(trust, limits);
    }

    @Override
    public ReliableExchange reliableExchange(ExchangeClient client, ReliableConfig config) throws GongwenException {
        return ReliableExchangeImpl.open(client, config);
    }

    @Override
    public ExchangeClient exchangeClient(ExchangeConfig config) throws GongwenException {
        return HttpExchangeClient.open(config);
    }

    @Override
    public ExchangeConfig exchangeConfig(Path file) throws GongwenException {
        return org.gongwen.internal.config.ClientConfigFile.read(file, keys);
    }

    @Override
    public KeyMaterial keys() {
        return keys;
    }

    @Override
    public UnverifiedPackage inspectUnverified(Path packageFile) throws GongwenException {
        return PackageReader.inspect(packageFile, Limits.defaults());
    }
}
