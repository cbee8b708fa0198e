package io.regshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TypeScript golden outputs type-check against the real {@code cloudflare} package, in a
 * version that has both the deprecated and the replacement methods (4.5.0), with {@code tsc}.
 * Needs node and npm (and the npm registry); without them the test is skipped with the reason.
 */
class TypeScriptTypeCheckTest {
    static final Path PROJECT = Path.of("target/tsc-check");

    @BeforeAll
    static void install() throws Exception {
        Assumptions.assumeTrue(
                onPath("node") && onPath("npm"),
                "node and npm are not on the PATH: the TypeScript type check is skipped");
        if (!Files.isDirectory(PROJECT.resolve("node_modules/cloudflare"))
                || !Files.isDirectory(PROJECT.resolve("node_modules/typescript"))) {
            Files.createDirectories(PROJECT);
            Files.writeString(PROJECT.resolve("package.json"), "{\"name\":\"regshift-tsc-check\",\"private\":true}\n");
            Run npm = run(
                    PROJECT,
                    "npm",
                    "install",
                    "--no-audit",
                    "--no-fund",
                    "--silent",
                    "cloudflare@4.5.0",
                    "typescript@5.9.3");
            assertThat(npm.exit()).as("npm install failed:\n" + npm.output()).isZero();
        }
        Files.writeString(
                PROJECT.resolve("tsconfig.json"),
                "{\"compilerOptions\":{\"strict\":true,\"noEmit\":true,\"target\":\"ES2022\",\"module\":\"commonjs\","
                        + "\"moduleResolution\":\"node\",\"esModuleInterop\":true,\"skipLibCheck\":true},\"include\":[\"src/*.ts\"]}\n");
    }

    @Test
    void theRewrittenCallsTypeCheck() throws Exception {
        Run tsc = typeCheck(FixCommandTest.GOLDEN.resolve("expected/typescript"));

        assertThat(tsc.exit()).as(tsc.output()).isZero();
    }

    @Test
    void theCheckCatchesACallThatMixesOldAndNew(@TempDir Path wrong) throws Exception {
        Files.writeString(
                wrong.resolve("wrong.ts"),
                "import Cloudflare from 'cloudflare';\nconst c = new Cloudflare();\n"
                        + "export const p = c.zeroTrust.devices.registrations.revoke({ account_id: 'a', body: ['x'] });\n",
                StandardCharsets.UTF_8);

        Run tsc = typeCheck(wrong);

        assertThat(tsc.exit()).isNotZero();
        assertThat(tsc.output()).contains("body");
    }

    private static Run typeCheck(Path sources) throws Exception {
        Path src = PROJECT.resolve("src");
        if (Files.isDirectory(src)) {
            try (var old = Files.list(src)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(src);
        try (var files = Files.list(sources)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".ts")).toList()) {
                Files.copy(p, src.resolve(p.getFileName()));
            }
        }
        return run(PROJECT, "node", "node_modules/typescript/bin/tsc", "-p", ".");
    }

    private record Run(int exit, String output) {}

    private static Run run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 5 minutes");
        }
        return new Run(p.exitValue(), output);
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
