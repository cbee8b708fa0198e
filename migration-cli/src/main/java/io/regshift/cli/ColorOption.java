package io.regshift.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help;
import picocli.CommandLine.Option;

/**
 * {@code --color=auto|always|never}, which {@link Main} adds to every command: whether help and the
 * text report are coloured. {@code auto} colours a terminal only, and as picocli's {@link
 * Help.Ansi#AUTO} does, {@code NO_COLOR} turns colour off and {@code CLICOLOR_FORCE} on (read from
 * the environment the command line is run with).
 */
final class ColorOption {
    static final String NAME = "--color";
    static final List<String> CHOICES = List.of("auto", "always", "never");

    @Option(
            names = NAME,
            paramLabel = "WHEN",
            completionCandidates = Choices.class,
            description = "auto, always or never (default: auto: on a terminal, unless NO_COLOR is set;"
                    + " CLICOLOR_FORCE=1 colours a pipe too).")
    String when = "auto";

    /** Picocli's setting for this choice in this environment; null when the choice is not one of {@link #CHOICES}. */
    static Help.Ansi ansi(String when, Map<String, String> environment) {
        switch (when) {
            case "always":
                return Help.Ansi.ON;
            case "never":
                return Help.Ansi.OFF;
            case "auto":
                if (environment.get("NO_COLOR") != null) {
                    return Help.Ansi.OFF;
                }
                String force = environment.get("CLICOLOR_FORCE");
                return force != null && !force.equals("0") ? Help.Ansi.ON : Help.Ansi.AUTO;
            default:
                return null;
        }
    }

    static final class Choices implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return CHOICES.iterator();
        }
    }
}
