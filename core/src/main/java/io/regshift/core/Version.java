package io.regshift.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of regshift, as Maven built it. */
public final class Version {
    private static final String VERSION = load();

    private Version() {}

    /** e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String get() {
        return VERSION;
    }

    /** The {@code User-Agent} regshift sends, e.g. {@code regshift/0.1.0}. */
    public static String userAgent() {
        return "regshift/" + VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("regshift.properties")) {
            if (in == null) {
                throw new IllegalStateException("regshift.properties is missing from the core jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
