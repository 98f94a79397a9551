package org.gongwen.platform.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the sample organisation whose client configuration or client a parameter gets from
 * {@link GongwenPlatformExtension}, by its organisation code (one of
 * {@link org.gongwen.platform.DevPlatform}'s six). Without it, a parameter gets 咸阳市人民政府办公室
 * ({@link org.gongwen.platform.DevPlatform#XIANYANG}), homed on the middle node.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Organisation {
    /** The organisation code, for example {@code 11610400016001016Y}. */
    String value();
}
