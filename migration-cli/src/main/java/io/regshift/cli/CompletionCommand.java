package io.regshift.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code regshift completion bash|zsh}: the shell completion script, made by picocli from the commands. */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = {
            "Prints the completion script for bash or zsh: commands, options and their values.",
            "bash: source <(regshift completion bash)   zsh: source <(regshift completion zsh)"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the script was printed", "2:usage error"})
final class CompletionCommand implements Callable<Integer> {
    /** The shells the script is for: picocli's bash script also runs in zsh, through bashcompinit. */
    static final List<String> SHELLS = List.of("bash", "zsh");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.", completionCandidates = Shells.class)
    String shell;

    @Override
    public Integer call() {
        if (!SHELLS.contains(shell)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "unknown shell '" + shell + "'; use bash or zsh");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
        out.flush();
        return 0;
    }

    static final class Shells implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return SHELLS.iterator();
        }
    }
}
