package io.regshift.cli;

import io.regshift.core.Catalog;
import io.regshift.core.Deprecation;
import io.regshift.core.Version;
import io.regshift.proxy.ProxyCommand;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code regshift} command. */
@Command(
        name = "regshift",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Moves code off Cloudflare's deprecated device-revocation endpoints.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done, nothing left",
            "1:findings, or work left for a person (each command's --help says which)",
            "2:usage error, or the work could not run"
        })
public final class Main implements Runnable {
    /** The commands, in the order help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(
            ScanCommand.class,
            FixCommand.class,
            RulesCommand.class,
            RegistrationsCommand.class, // one command per operation of the catalog
            DevicesCommand.class,
            ProxyCommand.class,
            CompletionCommand.class,
            CommandLine.HelpCommand.class);

    /** Exit code: findings reported (or, for other commands, work left for a person). */
    static final int EXIT_FINDINGS = 1;
    /** Exit code: bad usage, or the work could not run. */
    static final int EXIT_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required, e.g. regshift scan .");
    }

    public static void main(String[] args) {
        // UTF-8 whatever the locale: fix's diff must carry the file's bytes for git apply, and the
        // C locale would print every other character as '?'.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int exit = run(out, err, args);
        out.flush();
        err.flush();
        System.exit(exit);
    }

    /** Runs the command line with these streams; returns the exit code. For tests and embedding. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, System.getenv(), System.in, args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, String...)}, with this environment and standard input. */
    static int run(PrintWriter out, PrintWriter err, Map<String, String> env, java.io.InputStream in, String... args) {
        CommandLine cli = new CommandLine(new Main());
        // Picocli reflects over every command it is given; a run that names its command gets only that
        // one, which saves a good part of the start-up. Anything else (help, completion, a typo) gets them all.
        Class<?> named = args.length == 0
                ? null
                : COMMANDS.stream()
                        .filter(c -> commandNames(c).contains(args[0]))
                        .findFirst()
                        .orElse(null);
        for (Class<?> command :
                named == null || named == CommandLine.HelpCommand.class || named == CompletionCommand.class
                        ? COMMANDS
                        : List.of(named)) {
            if (command == RegistrationsCommand.class) {
                for (Deprecation operation : Catalog.standard().writes()) {
                    cli.addSubcommand(operation.id(), RegistrationsCommand.commandFor(operation, env, in));
                }
            } else if (command == DevicesCommand.class) {
                cli.addSubcommand("devices", new DevicesCommand(env));
            } else {
                cli.addSubcommand(commandNames(command).get(0), command);
            }
        }
        addColorOption(cli);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionStrategy(parseResult -> {
            colour(cli, parseResult, env);
            return new CommandLine.RunLast().execute(parseResult);
        });
        cli.setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
            err.println("regshift: error: " + describe(exception));
            return EXIT_ERROR;
        });
        cli.setParameterExceptionHandler((exception, args1) -> {
            CommandLine command = exception.getCommandLine();
            err.println("regshift: " + describe(exception));
            err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
            return EXIT_ERROR;
        });
        cli.setExitCodeExceptionMapper(e -> EXIT_ERROR);
        return cli.execute(args);
    }

    private static void addColorOption(CommandLine command) {
        command.getCommandSpec().addMixin("color", CommandLine.Model.CommandSpec.forAnnotatedObject(new ColorOption()));
        command.getSubcommands().values().forEach(Main::addColorOption);
    }

    /**
     * Applies the last {@code --color} given (else auto) to the help and the commands, which read
     * it from their command line's colour scheme.
     */
    private static void colour(CommandLine cli, CommandLine.ParseResult parseResult, Map<String, String> env) {
        String when = "auto";
        CommandLine last = cli;
        for (CommandLine.ParseResult r = parseResult; r != null; r = r.subcommand()) {
            last = r.commandSpec().commandLine();
            if (r.hasMatchedOption(ColorOption.NAME)) {
                when = r.matchedOptionValue(ColorOption.NAME, when);
            }
        }
        CommandLine.Help.Ansi ansi = ColorOption.ansi(when, env);
        if (ansi == null) {
            throw new CommandLine.ParameterException(
                    last, "unknown " + ColorOption.NAME + " '" + when + "'; use auto, always or never");
        }
        setColorScheme(cli, CommandLine.Help.defaultColorScheme(ansi));
    }

    private static void setColorScheme(CommandLine command, CommandLine.Help.ColorScheme scheme) {
        command.setColorScheme(scheme);
        command.getSubcommands().values().forEach(c -> setColorScheme(c, scheme));
    }

    /** Whether this command's output is coloured, after {@code --color} and the environment. */
    static boolean colour(CommandLine.Model.CommandSpec spec) {
        return spec.commandLine().getColorScheme().ansi().enabled();
    }

    private static List<String> commandNames(Class<?> command) {
        if (command == RegistrationsCommand.class) {
            return Catalog.standard().writes().stream().map(Deprecation::id).toList();
        }
        return List.of(command.getAnnotation(Command.class).name());
    }

    /**
     * The usage error, except that unknown arguments are named only when they look like options:
     * a stray value may be a secret someone tried to pass as a flag.
     */
    private static String describe(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> options = unmatched.getUnmatched().stream()
                    .filter(a -> a.startsWith("-"))
                    .map(a -> a.split("=", 2)[0])
                    .toList();
            if (!options.isEmpty()) {
                return "unknown option" + (options.size() == 1 ? " " : "s ")
                        + String.join(
                                ", ", options.stream().map(o -> "'" + o + "'").toList()) + " (values not shown)";
            }
            return "unexpected arguments (not shown)";
        }
        return e.getMessage();
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) {
            return message + ": no such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return message + ": permission denied";
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** {@code regshift 0.1.0}, from core's build. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"regshift " + Version.get()};
        }
    }
}
