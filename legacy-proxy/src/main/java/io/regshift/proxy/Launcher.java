package io.regshift.proxy;

import io.regshift.core.Catalog;
import io.regshift.core.Version;
import java.io.PrintStream;
import java.time.Duration;

/**
 * The executable jar's command line: the same flags as {@code regshift proxy}. Runs the proxy until
 * SIGTERM or SIGINT, then stops it gracefully; exit code 2 when it can't start.
 */
final class Launcher {
    static final int EXIT_ERROR = 2;

    static final String USAGE = String.join(
            "\n",
            "Usage: java -jar regshift-legacy-proxy-VERSION-all.jar [--listen HOST:PORT] [--upstream URL]",
            "           [--allow-host NAME]... [--connect-timeout DURATION] [--upstream-timeout DURATION]",
            "           [--shutdown-timeout DURATION] [--max-header-size BYTES]",
            "           [--max-deprecated-calls N] [--body-timeout DURATION]",
            "Serves the Cloudflare API on HOST:PORT: deprecated revoke/unrevoke calls are routed to",
            "their replacements, everything else passes through to the upstream unchanged.",
            "Clients set their base URL to http://HOST:PORT/client/v4.",
            "",
            "      --listen HOST:PORT     where to listen (default: " + LegacyProxy.DEFAULT_LISTEN + ", loopback only)",
            "      --upstream URL         the API to forward to (default: " + Catalog.DEFAULT_BASE_URL + ")",
            "      --allow-host NAME      another name clients use for the proxy (a load balancer's); repeatable",
            "      --connect-timeout D    time to connect to the upstream (default: 10s)",
            "      --upstream-timeout D   time the upstream may stay silent before a 504 (default: 30s)",
            "      --shutdown-timeout D   time in-flight requests get to finish on SIGTERM (default: 30s)",
            "      --max-header-size N    largest request head in bytes; larger gets 431 (default: 16384)",
            "      --max-deprecated-calls N  deprecated calls served at once; more get 503 (default: 64)",
            "      --body-timeout D       time a deprecated call's body may take to arrive; then 408 (default: 10s)",
            "  -h, --help                 show this help and exit",
            "  -V, --version              show the version and exit",
            "Durations: 500ms, 30s, 2m, or a number of seconds.",
            "Exit codes: 0 stopped by SIGTERM or SIGINT, 2 bad usage or could not start.");

    private Launcher() {}

    /** The outcome of parsing and starting: a running proxy, or an exit code. */
    record Launch(LegacyProxy proxy, int exitCode) {}

    /** Runs until the JVM is asked to stop; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Launch launch = start(args, out, err);
        if (launch.proxy() == null) {
            return launch.exitCode();
        }
        LegacyProxy proxy = launch.proxy();
        out.println("regshift proxy: serving " + proxy.baseUrl() + " -> " + proxy.upstream()
                + " (SIGTERM or Ctrl-C stops it)");
        Runtime.getRuntime().addShutdownHook(new Thread(proxy::close, "regshift-proxy-shutdown"));
        try {
            proxy.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            proxy.close();
        }
        return 0;
    }

    /** Parses the flags and starts the proxy; prints usage or a one-line error otherwise. */
    static Launch start(String[] args, PrintStream out, PrintStream err) {
        LegacyProxy.Builder builder = LegacyProxy.builder();
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String name = arg;
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                }
                switch (name) {
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return new Launch(null, 0);
                    }
                    case "-V", "--version" -> {
                        out.println("regshift " + Version.get());
                        return new Launch(null, 0);
                    }
                    case "--listen",
                            "--upstream",
                            "--allow-host",
                            "--connect-timeout",
                            "--upstream-timeout",
                            "--shutdown-timeout",
                            "--max-header-size",
                            "--max-deprecated-calls",
                            "--body-timeout" -> {
                        if (value == null) {
                            if (i + 1 >= args.length) {
                                throw new Usage("option " + name + " needs a value");
                            }
                            value = args[++i];
                        }
                        apply(builder, name, value);
                    }
                    // A stray value may be a URL with credentials: only an option's name is echoed.
                    default ->
                        throw new Usage(
                                arg.startsWith("-")
                                        ? "unknown option '" + name + "' (value not shown)"
                                        : "unexpected argument (not shown)");
                }
            }
        } catch (Usage e) {
            err.println("regshift-proxy: " + e.getMessage());
            err.println("Try '--help' for more information.");
            return new Launch(null, EXIT_ERROR);
        } catch (IllegalArgumentException e) {
            err.println("regshift-proxy: error: " + e.getMessage());
            return new Launch(null, EXIT_ERROR);
        }
        try {
            return new Launch(builder.start(), 0);
        } catch (ProxyStartException e) {
            err.println("regshift-proxy: error: " + e.getMessage());
            return new Launch(null, EXIT_ERROR);
        }
    }

    private static void apply(LegacyProxy.Builder builder, String name, String value) {
        switch (name) {
            case "--listen" -> builder.listen(value);
            case "--upstream" -> builder.upstream(value);
            case "--allow-host" -> builder.allowHost(value);
            case "--connect-timeout" -> builder.connectTimeout(duration(name, value));
            case "--upstream-timeout" -> builder.upstreamTimeout(duration(name, value));
            case "--shutdown-timeout" -> builder.shutdownTimeout(duration(name, value));
            case "--max-header-size" -> builder.maxRequestHeaderBytes(integer(name, value));
            case "--max-deprecated-calls" -> builder.maxDeprecatedCalls(integer(name, value));
            case "--body-timeout" -> builder.bodyTimeout(duration(name, value));
            default -> throw new IllegalStateException(name);
        }
    }

    /** {@code 500ms}, {@code 30s}, {@code 2m}, or a whole number of seconds. */
    static Duration duration(String option, String value) {
        try {
            return LegacyProxy.parseDuration(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " " + e.getMessage(), e);
        }
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " \"" + value + "\" is not a whole number");
        }
    }

    /** A command line that can't be read. */
    private static final class Usage extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Usage(String message) {
            super(message);
        }
    }
}
