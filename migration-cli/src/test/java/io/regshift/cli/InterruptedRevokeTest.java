package io.regshift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.regshift.testkit.FakeCloudflare;
import io.regshift.testkit.Fault;
import io.regshift.testkit.RecordedCall;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A revoke stopped by SIGTERM leaves a record of every ID Cloudflare revoked, and resumes from it. */
class InterruptedRevokeTest {
    static final String TOKEN = "tok-interrupted-4a2e";

    @RegisterExtension
    static final FakeCloudflare cloudflare =
            FakeCloudflare.builder().apiToken(TOKEN).build();

    @TempDir
    Path dir;

    private static final List<String> IDS =
            IntStream.range(0, 2000).mapToObj(i -> "dev-" + i).collect(Collectors.toList());

    private Process revoke(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "revoke"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        builder.environment().put("CLOUDFLARE_API_TOKEN", TOKEN);
        builder.environment().put("CLOUDFLARE_BASE_URL", cloudflare.baseUrl());
        return builder.start();
    }

    /** Waits on the fake's request journal. */
    private static void awaitCalls(int n) {
        await().atMost(Duration.ofSeconds(60)).until(() -> cloudflare.calls().size() >= n);
    }

    private static Map<String, List<String>> byStatus(List<String> lines) {
        return lines.stream()
                .collect(Collectors.groupingBy(
                        l -> l.split("\t")[1], Collectors.mapping(l -> l.split("\t")[0], Collectors.toList())));
    }

    @Test
    void sigtermDuringAHangingCallRecordsEveryRevokedIdAndResumeSendsOnlyTheRest() throws Exception {
        Path ids = Files.write(dir.resolve("ids.txt"), IDS);
        Path results = dir.resolve("results.tsv");
        cloudflare.inject(Fault.latency(Duration.ofSeconds(120)).onRequest(4));

        Process process = revoke("--account", "acc", "--ids-file", ids.toString(), "--results", results.toString());
        awaitCalls(4);
        process.destroy(); // SIGTERM while the fourth call hangs
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        List<String> recorded = Files.readAllLines(results, StandardCharsets.UTF_8);
        Map<String, List<String>> status = byStatus(recorded);
        Set<String> revokedUpstream = cloudflare.revokedIds("acc");
        assertThat(revokedUpstream).hasSize(800);
        assertThat(recorded.stream().map(l -> l.split("\t")[0]).collect(Collectors.toSet()))
                .containsAll(revokedUpstream);
        assertThat(status.get("revoked")).containsExactlyElementsOf(IDS.subList(0, 600));
        assertThat(status.get("failed")).containsExactlyElementsOf(IDS.subList(600, 1000));
        assertThat(recorded.subList(600, 800))
                .allMatch(l -> l.contains("\tfailed\tnot confirmed: stopped by a signal"));
        assertThat(recorded.subList(800, 1000)).allMatch(l -> l.contains("\tfailed\tnot sent: stopped by a signal"));
        assertThat(Files.readAllLines(dir.resolve("stdout.txt"))).containsExactlyElementsOf(recorded);
        assertThat(Files.readString(dir.resolve("stderr.txt")))
                .contains("stopped by a signal")
                .contains("--resume " + results);

        cloudflare.reset();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                Map.of("CLOUDFLARE_API_TOKEN", TOKEN, "CLOUDFLARE_BASE_URL", cloudflare.baseUrl()),
                InputStream.nullInputStream(),
                "revoke",
                "--account",
                "acc",
                "--ids-file",
                ids.toString(),
                "--resume",
                results.toString(),
                "--results",
                results.toString());

        assertThat(exit).as(err.toString()).isZero();
        Set<String> sent = new HashSet<>();
        for (RecordedCall call : cloudflare.calls()) {
            sent.addAll(call.ids());
        }
        assertThat(sent).containsExactlyInAnyOrderElementsOf(IDS.subList(600, 2000));
        assertThat(err.toString()).contains("600 IDs already revoked in " + results + " are skipped; 1400 to send");
        Map<String, List<String>> after = byStatus(Files.readAllLines(results, StandardCharsets.UTF_8));
        assertThat(new HashSet<>(after.get("revoked"))).containsExactlyInAnyOrderElementsOf(IDS);
    }

    @Test
    void aMalformedResultsFileIsAClearErrorAndSendsNothing() throws Exception {
        Path broken = Files.writeString(dir.resolve("results.tsv"), "dev-1\trevoked\ndev-2 revoked\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Main.run(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                Map.of("CLOUDFLARE_API_TOKEN", TOKEN, "CLOUDFLARE_BASE_URL", cloudflare.baseUrl()),
                InputStream.nullInputStream(),
                "revoke",
                "--account",
                "acc",
                "--id",
                "dev-1",
                "--id",
                "dev-2",
                "--resume",
                broken.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--resume " + broken + ":2 is not a results line; expected ID<TAB>revoked");
        assertThat(cloudflare.calls()).isEmpty();
    }
}
