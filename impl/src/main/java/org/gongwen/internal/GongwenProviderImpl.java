package org.gongwen.internal;

import org.gongwen.api.Gongwen;
import org.gongwen.api.spi.GongwenProvider;

/** Registers {@link GongwenImpl} with {@link java.util.ServiceLoader}. */
public final class GongwenProviderImpl implements GongwenProvider {
    @Override
    public Gongwen create() {
        return new GongwenImpl();
    }
}
