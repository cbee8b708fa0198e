package io.regshift.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The scanner's fixture tree, which the commands are run on too, and copies of trees to change. */
final class Trees {
    static final Path FIXTURE_TREE = Path.of("../scanner/src/test/resources/fixtures/tree");

    private Trees() {}

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
