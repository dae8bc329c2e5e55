package org.trdcds.pages;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The two running applications the page tests share (Spring caches one context per configuration): the default
 * security (admin pages from loopback only, as out of the box) and one with an admin token.
 */
final class PagesApplication {

    static final String TOKEN = "9f2c4e7a1b3d5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8";
    /** The asOf of the version-1 worked scenarios: the decision's clock for calls to the hook endpoints. */
    static final String AS_OF = "2026-11-27T04:22:50Z";

    private PagesApplication() {}

    /** The service run in shadow mode by the loopback application (its cards are for /admin/shadow only). */
    static final String SHADOW_SERVICE = "ketamine-tms-order-sign";

    /** No admin token: the admin pages answer loopback callers only. The order-sign service runs in shadow mode. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @SpringBootTest(
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {
                "spring.datasource.url=jdbc:h2:mem:pages-loopback;DB_CLOSE_DELAY=-1",
                "cds.warm-up.rounds=0",
                "cds.services." + SHADOW_SERVICE + ".mode=shadow",
                "cds.clock.fixed-instant=" + AS_OF
            })
    @AutoConfigureMockMvc
    @interface LoopbackOnly {}

    /** An admin token: the admin pages answer only with it, from any address. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @SpringBootTest(
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {
                "spring.datasource.url=jdbc:h2:mem:pages-token;DB_CLOSE_DELAY=-1",
                "cds.warm-up.rounds=0",
                "cds.security.admin-token=" + TOKEN,
                "cds.clock.fixed-instant=" + AS_OF
            })
    @AutoConfigureMockMvc
    @interface WithAdminToken {}
}
