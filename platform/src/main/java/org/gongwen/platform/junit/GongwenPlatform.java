package org.gongwen.platform.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.gongwen.api.sign.SignatureProfile;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts an in-process reference platform ({@link org.gongwen.platform.DevPlatform}: three nodes
 * on loopback with TLS and the sample organisations) once for the annotated test class and stops
 * it after the class. Test constructors, lifecycle methods and test methods can take its parts as
 * parameters: see {@link GongwenPlatformExtension}.
 *
 * <pre>{@code
 * @GongwenPlatform
 * class MyOaIntegrationTest {
 *     @Test
 *     void sendsThroughThePlatform(@Organisation("11610400016001016Y") ExchangeClient client) throws Exception {
 *         client.send(myPackage);
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(GongwenPlatformExtension.class)
public @interface GongwenPlatform {
    /** The signature profile of the organisations' and nodes' keys. */
    SignatureProfile profile() default SignatureProfile.ECDSA_P256_SHA256;

    /** The nodes' package limit in bytes; 0 for the default (the format's bound). */
    long maxPackageBytes() default 0;
}
