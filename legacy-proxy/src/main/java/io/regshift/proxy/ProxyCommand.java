package io.regshift.proxy;

import io.regshift.core.Catalog;
import io.regshift.core.Version;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The proxy's command line, the same for both ways of running it: {@code regshift proxy} (the CLI
 * adds this class as its {@code proxy} subcommand) and the executable jar, whose main class this
 * is. It builds a {@link LegacyProxy} from the flags, serves until SIGTERM or SIGINT, and words the
 * library's errors with the flags' names.
 */
@Command(
        name = "proxy",
        mixinStandardHelpOptions = true,
        versionProvider = ProxyCommand.VersionProvider.class,
        description = {
            "Serves the Cloudflare API on HOST:PORT for apps in any language: calls to the deprecated"
                    + " revoke/unrevoke endpoints are routed to their replacements, everything else passes"
                    + " through to the upstream unchanged. Point the app's base URL at"
                    + " http://HOST:PORT/client/v4 (e.g. CLOUDFLARE_BASE_URL).",
            "",
            "Runs until SIGTERM or SIGINT, then lets requests in flight finish (up to --shutdown-timeout)."
                    + " Prints one access-log line per request to standard output (no headers, query strings"
                    + " or bodies).",
            "",
            "Durations: 500ms, 30s, 2m, or a whole number of seconds."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:after --help or --version",
            "2:bad usage or could not start (address in use, bad upstream URL)",
            "143, 130:the JVM's, when stopped by a signal (143 for SIGTERM, 130 for SIGINT)"
        })
public final class ProxyCommand implements Callable<Integer> {
    /** Exit code: bad usage, or the proxy could not start. */
    static final int EXIT_ERROR = 2;

    /** How the executable jar is run, as its help shows it. */
    static final String JAR_COMMAND = "java -jar regshift-legacy-proxy-VERSION-all.jar";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The name the command's own lines start with. */
    private String program = "regshift";

    @Option(
            names = "--listen",
            paramLabel = "HOST:PORT",
            description =
                    "Where to listen (default: ${DEFAULT-VALUE}, loopback only; another host makes the proxy reachable from the network).")
    String listen = LegacyProxy.DEFAULT_LISTEN;

    @Option(
            names = "--upstream",
            paramLabel = "URL",
            description = "The API every request is forwarded to (default: ${DEFAULT-VALUE}).")
    String upstream = Catalog.DEFAULT_BASE_URL;

    @Option(
            names = "--allow-host",
            paramLabel = "NAME",
            description =
                    "Another name clients use to reach the proxy (a load balancer's), accepted in the Host header; repeatable.")
    List<String> allowHosts = new ArrayList<>();

    @Option(
            names = "--connect-timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Time to connect to the upstream, e.g. 10s (default: 10s).")
    Duration connectTimeout = Duration.ofSeconds(10);

    @Option(
            names = "--upstream-timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Time the upstream may stay silent before the app gets a 504 (default: 30s).")
    Duration upstreamTimeout = Duration.ofSeconds(30);

    @Option(
            names = "--shutdown-timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Time requests in flight get to finish on SIGTERM (default: 30s).")
    Duration shutdownTimeout = Duration.ofSeconds(30);

    @Option(
            names = "--max-header-size",
            paramLabel = "BYTES",
            description = "Largest request head accepted; larger ones get 431 (default: ${DEFAULT-VALUE}).")
    int maxHeaderSize = 16 * 1024;

    @Option(
            names = "--max-deprecated-calls",
            paramLabel = "N",
            description = "Deprecated calls served at once; more get 503 with Retry-After (default: ${DEFAULT-VALUE}).")
    int maxDeprecatedCalls = 64;

    @Option(
            names = "--body-timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Time a deprecated call's body may take to arrive in full; then 408 (default: 10s).")
    Duration bodyTimeout = Duration.ofSeconds(10);

    /** Runs the executable jar: serves until SIGTERM or SIGINT; exit code 2 when it can't start. */
    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** The executable jar's command line with these streams; returns the exit code once it is done. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        ProxyCommand command = new ProxyCommand();
        command.program = "regshift-proxy";
        CommandLine cli = new CommandLine(command).setCommandName(JAR_COMMAND);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
            err.println(command.program + ": error: " + message(exception));
            return EXIT_ERROR;
        });
        cli.setParameterExceptionHandler((exception, arguments) -> {
            err.println(command.program + ": " + describe(exception));
            err.println("Try '--help' for more information.");
            return EXIT_ERROR;
        });
        cli.setExitCodeExceptionMapper(e -> EXIT_ERROR);
        return cli.execute(args);
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LegacyProxy proxy = start(out);
        for (String warning : proxy.warnings()) {
            err.println(program + ": warning: " + warning);
        }
        out.println("regshift proxy: serving " + proxy.baseUrl() + " -> " + proxy.upstream()
                + " (SIGTERM or Ctrl-C stops it)");
        Runtime.getRuntime().addShutdownHook(new Thread(proxy::close, "regshift-proxy-shutdown"));
        try {
            proxy.awaitStop();
        } finally {
            proxy.close();
        }
        return 0;
    }

    /**
     * Starts the proxy the flags describe. A refused setting or a failed start propagates with a
     * message naming the flag, for the caller's handler to print as one line, exit code 2.
     */
    private LegacyProxy start(PrintWriter out) {
        LegacyProxy.Builder builder = LegacyProxy.builder();
        // An upstream, listen address or host name the library refuses is named by value in its message.
        builder.listen(listen).upstream(upstream);
        for (String host : allowHosts) {
            builder.allowHost(host);
        }
        set("--connect-timeout", () -> builder.connectTimeout(connectTimeout));
        set("--upstream-timeout", () -> builder.upstreamTimeout(upstreamTimeout));
        set("--shutdown-timeout", () -> builder.shutdownTimeout(shutdownTimeout));
        set("--max-header-size", () -> builder.maxRequestHeaderBytes(maxHeaderSize));
        set("--max-deprecated-calls", () -> builder.maxDeprecatedCalls(maxDeprecatedCalls));
        set("--body-timeout", () -> builder.bodyTimeout(bodyTimeout));
        builder.accessLog(line -> out.println(Instant.now() + " " + line));
        try {
            return builder.start();
        } catch (ProxyStartException e) {
            String advice = switch (e.reason()) {
                case ADDRESS_UNAVAILABLE -> "; choose another with --listen HOST:PORT";
                case UNKNOWN_HOST -> "; give --listen a host name or address of this machine";
                case OTHER -> "";
            };
            throw new Refused(e.getMessage() + advice, e);
        }
    }

    /** Applies one flag's value to the builder; a refusal names the flag and the value as typed. */
    private void set(String flag, Runnable setting) {
        try {
            setting.run();
        } catch (ProxySettingException e) {
            List<String> typed = spec.findOption(flag).originalStringValues();
            String value = typed.isEmpty() ? e.value() : typed.get(typed.size() - 1);
            throw new Refused(flag + " " + e.requirement() + ", was " + value, e);
        }
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
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

    /** The proxy did not start; the message names the flag to change. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** {@code 500ms}, {@code 30s}, {@code 2m}, or a whole number of seconds. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            try {
                if (v.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
                }
                if (v.endsWith("s")) {
                    return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
                }
                if (v.endsWith("m")) {
                    return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
                }
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException | ArithmeticException e) {
                throw new CommandLine.TypeConversionException(
                        "\"" + value + "\" is not a duration; expected e.g. 500ms, 30s, 2m or 30");
            }
        }
    }

    /** {@code regshift 0.1.0}, from core's build. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"regshift " + Version.get()};
        }
    }
}
