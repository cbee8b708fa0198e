package io.regshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the command of the repository's pre-commit hook (.pre-commit-hooks.yaml) on files, as pre-commit passes them. */
class PreCommitHookTest {
    private static final Path HOOKS = Path.of("../.pre-commit-hooks.yaml");

    @TempDir
    Path dir;

    /** The hook's entry, {@code regshift scan ...}, without the launcher's name, then the file names. */
    private static Cli runHook(Path... files) throws IOException {
        JsonNode hook =
                new ObjectMapper(new YAMLFactory()).readTree(HOOKS.toFile()).get(0);
        assertThat(hook.get("pass_filenames").asBoolean()).isTrue();
        List<String> args =
                new ArrayList<>(Arrays.asList(hook.get("entry").asText().trim().split("\\s+")));
        assertThat(args.remove(0)).isEqualTo("regshift");
        for (Path file : files) {
            args.add(file.toString());
        }
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void aStagedFileThatCouldNotBeScannedFailsTheCommit() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.jar"), "not a zip archive");
        Path fine = Files.writeString(dir.resolve("fine.sh"), "echo fine\n");

        Cli cli = runHook(broken, fine);

        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("  broken.jar: not a readable archive");
    }

    @Test
    void cleanStagedFilesPass() throws IOException {
        Cli cli = runHook(Files.writeString(dir.resolve("fine.sh"), "echo fine\n"));

        assertThat(cli.exit()).isZero();
    }
}
