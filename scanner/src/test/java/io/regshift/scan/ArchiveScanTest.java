package io.regshift.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiled classes and archives, built here with the JDK's compiler and zip streams. */
class ArchiveScanTest {
    @TempDir
    static Path work;

    static byte[] legacyClass;
    static byte[] modernClass;

    @BeforeAll
    static void compile() throws IOException {
        legacyClass = compile("LegacyClient", "String PATH = \"accounts/%s/devices/revoke\";");
        modernClass = compile(
                "ModernClient",
                "String PATH = \"accounts/%s/devices/registrations/revoke\"; String OTHER = \"devices/physical-devices/%s/revoke\";");
    }

    private static byte[] compile(String name, String body) throws IOException {
        Path src = work.resolve("src/com/acme/" + name + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package com.acme; public class " + name + " { " + body + " }");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", work.resolve("classes").toString(), src.toString());
        assertThat(status).isZero();
        return Files.readAllBytes(work.resolve("classes/com/acme/" + name + ".class"));
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void findsThePathInClassesJarsAndJarsInsideWars(@TempDir Path tree) throws IOException {
        Files.createDirectories(tree.resolve("lib"));
        Files.createDirectories(tree.resolve("build/classes/com/acme"));
        Files.write(tree.resolve("build/classes/com/acme/LegacyClient.class"), legacyClass);
        Files.write(tree.resolve("build/classes/com/acme/ModernClient.class"), modernClass);
        byte[] clientJar = zip(new java.util.TreeMap<>(Map.of(
                "com/acme/LegacyClient.class", legacyClass,
                "com/acme/ModernClient.class", modernClass,
                "META-INF/endpoints.properties",
                        "unrevoke=/accounts/{id}/devices/unrevoke\n".getBytes(StandardCharsets.UTF_8))));
        Files.write(tree.resolve("lib/client.jar"), clientJar);
        Files.write(
                tree.resolve("app.war"),
                zip(Map.of(
                        "WEB-INF/lib/client.jar",
                        clientJar,
                        "WEB-INF/web.xml",
                        "<web-app/>".getBytes(StandardCharsets.UTF_8))));

        ScanResult result = FixtureTreeTest.scan(tree, true);

        assertThat(result.findings())
                .extracting(f -> f.path() + " " + f.ruleId() + " " + f.line())
                .containsExactly(
                        "app.war!/WEB-INF/lib/client.jar!/META-INF/endpoints.properties unrevoke-artifact 1",
                        "app.war!/WEB-INF/lib/client.jar!/com/acme/LegacyClient.class revoke-artifact 1",
                        "build/classes/com/acme/LegacyClient.class revoke-artifact 1",
                        "lib/client.jar!/META-INF/endpoints.properties unrevoke-artifact 1",
                        "lib/client.jar!/com/acme/LegacyClient.class revoke-artifact 1");
        assertThat(result.findings().get(1).snippet()).isEqualTo("accounts/%s/devices/revoke");
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void aCorruptArchiveIsReportedAndTheScanGoesOn(@TempDir Path tree) throws IOException {
        byte[] good = zip(Map.of("com/acme/LegacyClient.class", legacyClass));
        byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
        Files.write(tree.resolve("broken.jar"), truncated);
        try (OutputStream out = Files.newOutputStream(tree.resolve("fine.sh"))) {
            out.write("curl -X POST $API/accounts/$A/devices/revoke\n".getBytes(StandardCharsets.UTF_8));
        }

        ScanResult result = FixtureTreeTest.scan(tree, true);

        assertThat(result.findings()).extracting(Finding::path).contains("fine.sh");
        assertThat(result.errors()).extracting(ScanError::path).containsExactly("broken.jar");
    }

    @Test
    void nonArchiveBinariesAreSkipped(@TempDir Path tree) throws IOException {
        Files.write(tree.resolve("blob.bin"), zip(Map.of("x.class", legacyClass)));

        assertThat(FixtureTreeTest.scan(tree, true).findings()).isEmpty();
        assertThat(List.of(legacyClass.length)).isNotEmpty();
    }
}
