package io.regshift.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Files for the tests: sources that use the deprecated endpoint, and jars of compiled clients. */
final class Fixtures {
    static final String LEGACY_URL = "https://api.cloudflare.com/client/v4/accounts/%s/devices/revoke";
    static final String MODERN_URL = "https://api.cloudflare.com/client/v4/accounts/%s/devices/registrations/revoke";

    private Fixtures() {}

    /** Writes a file, creating its directories. */
    static Path write(Path root, String path, String content) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Java source whose third line holds the URL. */
    static String javaSource(String className, String url) {
        return "package com.acme;\n\n" + "public final class " + className + " { static final String URL = \"" + url
                + "\"; }\n";
    }

    /**
     * A jar with {@code com/acme/Client.class}, compiled from a class holding the URL.
     *
     * @param work where to compile, away from the directories a test scans
     */
    static Path clientJar(Path work, Path jar, String url) {
        try {
            work = Files.createTempDirectory(work, "javac");
            Path source = write(work, "src/com/acme/Client.java", javaSource("Client", url));
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            assertThat(javac.run(null, null, null, "-d", work.resolve("classes").toString(), source.toString()))
                    .isZero();
            Files.createDirectories(jar.getParent());
            try (OutputStream out = Files.newOutputStream(jar);
                    JarOutputStream zip = new JarOutputStream(out)) {
                zip.putNextEntry(new JarEntry("com/acme/Client.class"));
                zip.write(Files.readAllBytes(work.resolve("classes/com/acme/Client.class")));
                zip.closeEntry();
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
