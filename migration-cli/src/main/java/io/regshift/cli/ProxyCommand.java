package io.regshift.cli;

import io.regshift.core.Catalog;
import io.regshift.proxy.LegacyProxy;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code regshift proxy}: serves the Cloudflare API locally, routing the deprecated calls. */
@Command(
        name = "proxy",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
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
            "Exit codes: 2 bad usage or could not start (address in use, bad upstream URL);"
                    + " when stopped by a signal, the JVM's (143 for SIGTERM, 130 for SIGINT)."
        })
final class ProxyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

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

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LegacyProxy.Builder builder = LegacyProxy.builder()
                .listen(listen)
                .upstream(upstream)
                .connectTimeout(connectTimeout)
                .upstreamTimeout(upstreamTimeout)
                .shutdownTimeout(shutdownTimeout)
                .maxRequestHeaderBytes(maxHeaderSize)
                .maxDeprecatedCalls(maxDeprecatedCalls)
                .bodyTimeout(bodyTimeout)
                .accessLog(line -> out.println(Instant.now() + " " + line));
        for (String host : allowHosts) {
            builder.allowHost(host);
        }
        // Bad settings and start failures (address in use, say) propagate: Main prints one line, exit 2.
        LegacyProxy proxy = builder.start();
        for (String warning : proxy.warnings()) {
            err.println("regshift: warning: " + warning);
        }
        out.println("regshift proxy: serving " + proxy.baseUrl() + " -> " + proxy.upstream()
                + " (SIGTERM or Ctrl-C stops it)");
        Runtime.getRuntime().addShutdownHook(new Thread(proxy::close, "regshift-proxy-shutdown"));
        proxy.awaitStop();
        return 0;
    }

    /** {@code 500ms}, {@code 30s}, {@code 2m}, or a whole number of seconds. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return LegacyProxy.parseDuration(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
