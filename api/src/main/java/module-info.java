/** The public types of the Gongwen SDK. No dependency beyond the JDK. */
module org.gongwen.api {
    exports org.gongwen.api;
    exports org.gongwen.api.envelope;
    exports org.gongwen.api.exchange;
    exports org.gongwen.api.id;
    exports org.gongwen.api.pkg;
    exports org.gongwen.api.reliable;
    exports org.gongwen.api.sign;
    exports org.gongwen.api.spi;
    exports org.gongwen.api.trust;

    requires transitive java.sql;

    uses org.gongwen.api.spi.GongwenProvider;
}
