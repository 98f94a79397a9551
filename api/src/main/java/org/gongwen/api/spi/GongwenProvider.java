package org.gongwen.api.spi;

import org.gongwen.api.Gongwen;

/**
 * The service an implementation registers under {@code META-INF/services}. Applications do not
 * use it; they call {@link Gongwen#load()}.
 */
public interface GongwenProvider {
    /** Creates the implementation's entry point. */
    Gongwen create();
}
