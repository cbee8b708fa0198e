package io.regshift.scan.walk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parallel walk visits every file once, whatever the number of threads and the tree's shape. */
class WalkerTest {
    @TempDir
    Path root;

    @Test
    void visitsEveryFileExactlyOnceOnAnyNumberOfThreads() throws IOException {
        List<String> expected = new ArrayList<>();
        for (int a = 0; a < 12; a++) {
            for (int b = 0; b < 6; b++) {
                Path dir = Files.createDirectories(
                        root.resolve("d" + a).resolve("e" + b).resolve("f"));
                for (int f = 0; f < 4; f++) {
                    Files.writeString(dir.resolve("file" + f + ".txt"), "x".repeat(a + b + f));
                    expected.add("d" + a + "/e" + b + "/f/file" + f + ".txt");
                }
            }
            Files.writeString(root.resolve("d" + a).resolve(".env"), "hidden");
            expected.add("d" + a + "/.env");
        }
        Files.createDirectories(root.resolve("empty/also-empty"));
        Files.createDirectories(root.resolve(".git/objects"));
        Files.writeString(root.resolve(".git/objects/pack"), "never scanned");

        for (int threads : new int[] {1, 2, 4, 8}) {
            List<String> errors = new ArrayList<>();
            Map<String, Integer> visits = walk(threads, errors);
            assertThat(visits.keySet()).as("%d threads", threads).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(visits.values()).as("%d threads", threads).allMatch(n -> n == 1);
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void nestedGitignoresApplyToTheirOwnSubtreesOnWorkerThreads() throws IOException {
        Files.createDirectories(root.resolve("a/b/c"));
        Files.writeString(root.resolve(".gitignore"), "*.log\n");
        Files.writeString(root.resolve("a/.gitignore"), "!keep.log\nbuild/\n");
        Files.writeString(root.resolve("a/b/.gitignore"), "c/\n");
        Files.createDirectories(root.resolve("a/build"));
        for (String p : List.of(
                "top.log", "a/keep.log", "a/other.log", "a/build/x.txt", "a/b/y.txt", "a/b/c/z.txt", "a/b/keep.log")) {
            Files.writeString(root.resolve(p), p);
        }
        List<String> errors = new ArrayList<>();
        Map<String, Integer> visits = walk(4, errors);
        assertThat(errors).isEmpty();
        // a/.gitignore re-includes keep.log below a/, so a/b/keep.log too; *.log elsewhere stays out
        assertThat(visits.keySet())
                .containsExactlyInAnyOrder(
                        ".gitignore", "a/.gitignore", "a/b/.gitignore", "a/keep.log", "a/b/keep.log", "a/b/y.txt");
    }

    /** Walks the root on {@code threads} threads: how often each path was visited, and the errors. */
    private Map<String, Integer> walk(int threads, List<String> errors) throws IOException {
        Map<String, Integer> visits = new ConcurrentHashMap<>();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            new Walker(new Walker.Options(true, List.of(), List.of(), false))
                    .walk(
                            root,
                            new Walker.Visitor() {
                                @Override
                                public void file(Walker.SourceFile file) {
                                    visits.merge(file.path(), 1, Integer::sum);
                                    assertThat(file.size())
                                            .isEqualTo(file.file().toFile().length());
                                }

                                @Override
                                public synchronized void error(String path, String message) {
                                    errors.add(path + ": " + message);
                                }
                            },
                            pool);
        } finally {
            pool.shutdownNow();
        }
        return visits;
    }
}
