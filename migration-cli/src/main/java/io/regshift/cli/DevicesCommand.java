package io.regshift.cli;

import io.regshift.core.Catalog;
import io.regshift.core.CloudflareApiException;
import io.regshift.core.Listing;
import io.regshift.core.PhysicalDevice;
import io.regshift.core.Registration;
import io.regshift.core.RegistrationsClient;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code regshift devices list|get}: the account's devices in Cloudflare's new model, each a
 * registration (what the deprecated endpoints called a device; its ID is what {@code regshift
 * revoke} takes) joined with its physical device. Reads through {@link RegistrationsClient}, with
 * credentials only from the environment, as revoke does.
 */
@Command(
        name = "devices",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = {
            "Lists the account's devices, or shows one: each registration joined with its physical device.",
            RegistrationsCommand.CREDENTIALS_HELP
        })
final class DevicesCommand implements Runnable {
    private static final String EXIT_CODES = "Exit codes: 0 printed, 1 no such registration (get),"
            + " 2 usage errors, refused credentials or a failed read (never a partial list).";

    /** The columns of table and csv output, and the keys of json output, in order. */
    private static final List<String> COLUMNS = List.of(
            "id",
            "status",
            "user",
            "device_name",
            "device_id",
            "device_type",
            "model",
            "os_version",
            "client_version",
            "last_seen_at");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> environment;

    DevicesCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public void run() {
        throw usage("a command is required: regshift devices list or regshift devices get ID");
    }

    /** Options every subcommand has. */
    static final class Common {
        @Option(
                names = "--account",
                paramLabel = "ACCOUNT_ID",
                description = "The Cloudflare account ID (default: CLOUDFLARE_ACCOUNT_ID).")
        String account;

        @Option(
                names = "--base-url",
                paramLabel = "URL",
                description = "The API base URL (default: CLOUDFLARE_BASE_URL, else " + Catalog.DEFAULT_BASE_URL + ").")
        String baseUrl;

        @Option(
                names = "--format",
                paramLabel = "FORMAT",
                description = "table, json or csv (default: ${DEFAULT-VALUE}).")
        String format = "table";
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            versionProvider = Main.VersionProvider.class,
            description = {
                "Lists every registration of the account (revoked ones too, unless --status says otherwise),"
                        + " each joined with its physical device, following every page.",
                "--ids-only prints the registration IDs one per line: the file regshift revoke --ids-file takes.",
                RegistrationsCommand.CREDENTIALS_HELP,
                "",
                EXIT_CODES
            })
    int list(
            @CommandLine.Mixin Common common,
            @Option(
                            names = "--status",
                            paramLabel = "STATUS",
                            defaultValue = "all",
                            description = "all, active or revoked registrations (default: ${DEFAULT-VALUE}).")
                    String status,
            @Option(names = "--ids-only", description = "Print only the registration IDs, one per line.")
                    boolean idsOnly) {
        String statusFilter = status;
        if (!List.of("all", "active", "revoked").contains(statusFilter)) {
            throw usage("unknown --status '" + statusFilter + "'; use all, active or revoked");
        }
        checkFormat(common.format);
        RegistrationsClient client = client(common);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AtomicLong devices = new AtomicLong();
        AtomicLong registrations = new AtomicLong();
        try (ProgressLine line = ProgressLine.onTerminal(
                err,
                () -> String.format(
                        "listing: %,d physical devices, %,d registrations", devices.get(), registrations.get()))) {
            Map<String, PhysicalDevice> physical = new HashMap<>();
            if (!idsOnly) {
                Listing<PhysicalDevice> all =
                        client.listPhysicalDevices(common.account, Map.of("active_registrations", "include"));
                all.forEachRemaining(d -> {
                    physical.put(d.id(), d);
                    devices.incrementAndGet();
                });
            }
            Listing<Registration> listing = client.listRegistrations(common.account, Map.of("status", statusFilter));
            Rows rows = idsOnly ? null : new Rows(common.format, out);
            while (listing.hasNext()) {
                Registration registration = listing.next();
                registrations.incrementAndGet();
                if (idsOnly) {
                    out.println(registration.id());
                } else {
                    rows.add(row(
                            registration,
                            registration.device() == null
                                    ? null
                                    : physical.get(registration.device().id())));
                }
            }
            if (rows != null) {
                rows.finish();
            }
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        } catch (CloudflareApiException e) {
            out.flush();
            return failed(e, err);
        }
        out.flush();
        err.println("regshift: " + registrations.get() + " registrations");
        return 0;
    }

    @Command(
            name = "get",
            mixinStandardHelpOptions = true,
            versionProvider = Main.VersionProvider.class,
            description = {
                "Shows one registration, whatever its status, joined with its physical device.",
                RegistrationsCommand.CREDENTIALS_HELP,
                "",
                EXIT_CODES
            })
    int get(
            @CommandLine.Mixin Common common,
            @Parameters(paramLabel = "ID", description = "The registration ID (the deprecated API's device ID).")
                    String id) {
        checkFormat(common.format);
        RegistrationsClient client = client(common);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Registration registration;
        try {
            registration = client.getRegistration(common.account, id);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage().replace("registration_id", "ID"));
        } catch (CloudflareApiException e) {
            if (e.isNotFound()) {
                err.println("regshift: the account has no registration " + shown(id));
                return Main.EXIT_FINDINGS;
            }
            return failed(e, err);
        }
        PhysicalDevice device = null;
        if (registration.device() != null) {
            try {
                device = client.getPhysicalDevice(
                        common.account, registration.device().id());
            } catch (CloudflareApiException | IllegalArgumentException e) {
                err.println("regshift: shown without its physical device, which could not be read (" + e.getMessage()
                        + ")");
            }
        }
        Rows rows = new Rows(common.format, out);
        rows.add(row(registration, device));
        rows.finish();
        out.flush();
        return 0;
    }

    private int failed(CloudflareApiException e, PrintWriter err) {
        if (e.isAuthFailure()) {
            err.println("regshift: Cloudflare refused the credentials from the environment (" + e.getMessage() + ")");
        } else {
            err.println("regshift: error: " + e.getMessage() + "; nothing more is listed");
        }
        return Main.EXIT_ERROR;
    }

    private void checkFormat(String format) {
        if (!List.of("table", "json", "csv").contains(format)) {
            throw usage("unknown --format '" + format + "'; use table, json or csv");
        }
    }

    /** The client for the options' account and base URL; the account from the environment if not given. */
    private RegistrationsClient client(Common common) {
        if (common.account == null) {
            common.account = environment.get(RegistrationsCommand.ENV_ACCOUNT_ID);
            if (common.account == null || common.account.isBlank()) {
                throw usage("no account: give --account ACCOUNT_ID or set " + RegistrationsCommand.ENV_ACCOUNT_ID);
            }
        }
        String base = common.baseUrl != null
                ? common.baseUrl
                : environment.getOrDefault("CLOUDFLARE_BASE_URL", Catalog.DEFAULT_BASE_URL);
        RegistrationsClient.Builder builder;
        try {
            builder = RegistrationsClient.builder().environment(environment).baseUrl(base);
        } catch (IllegalArgumentException e) {
            throw usage((common.baseUrl != null ? "--base-url: " : "CLOUDFLARE_BASE_URL: ") + e.getMessage());
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw usage(e.getMessage());
        }
    }

    /** One device: the registration's fields, then its physical device's where it has one. */
    private static Map<String, String> row(Registration r, PhysicalDevice d) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", r.id());
        row.put("status", r.deletedAt().isPresent() ? "deleted" : r.revokedAt().isPresent() ? "revoked" : "active");
        row.put("user", r.user().flatMap(Registration.User::email).orElse(null));
        row.put("device_name", r.device() == null ? null : r.device().name());
        row.put("device_id", r.device() == null ? null : r.device().id());
        row.put("device_type", d == null ? null : d.deviceType().orElse(null));
        row.put("model", d == null ? null : d.model().orElse(null));
        row.put("os_version", d == null ? null : d.osVersion().orElse(null));
        row.put(
                "client_version",
                r.device() == null ? null : r.device().clientVersion().orElse(null));
        row.put("last_seen_at", r.lastSeenAt());
        return row;
    }

    /** A value from Cloudflare or the command line, its control and format characters escaped. */
    static String shown(String value) {
        StringBuilder s = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                s.append(String.format("\\u%04x", c));
            } else {
                s.appendCodePoint(c);
            }
        });
        return s.toString();
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /**
     * Rows written as they come (csv, and json one object per line inside the array), except a
     * table, which needs every row for its column widths.
     */
    private static final class Rows {
        private final String format;
        private final PrintWriter out;
        private final List<Map<String, String>> table = new ArrayList<>();
        private boolean first = true;

        Rows(String format, PrintWriter out) {
            this.format = format;
            this.out = out;
            if (format.equals("csv")) {
                out.println(String.join(",", COLUMNS));
            } else if (format.equals("json")) {
                out.print("[");
            }
        }

        void add(Map<String, String> row) {
            switch (format) {
                case "csv" ->
                    out.println(String.join(
                            ",", COLUMNS.stream().map(c -> csv(row.get(c))).toList()));
                case "json" -> {
                    out.print((first ? "\n  " : ",\n  ") + Json.write(row));
                    first = false;
                }
                default -> table.add(row);
            }
        }

        void finish() {
            if (format.equals("json")) {
                out.println(first ? "]" : "\n]");
            } else if (format.equals("table")) {
                printTable();
            }
        }

        private void printTable() {
            Map<String, Integer> widths = new LinkedHashMap<>();
            for (String column : COLUMNS) {
                int width = column.length();
                for (Map<String, String> row : table) {
                    width = Math.max(width, cell(row.get(column)).length());
                }
                widths.put(column, width);
            }
            out.println(line(widths, c -> c.toUpperCase(java.util.Locale.ROOT)));
            for (Map<String, String> row : table) {
                out.println(line(widths, c -> cell(row.get(c))));
            }
        }

        private static String line(Map<String, Integer> widths, java.util.function.Function<String, String> cell) {
            StringBuilder s = new StringBuilder();
            widths.forEach((column, width) -> s.append(String.format("%-" + width + "s  ", cell.apply(column))));
            return s.toString().stripTrailing();
        }

        private static String cell(String value) {
            return value == null ? "-" : shown(value);
        }

        /** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
        private static String csv(String value) {
            if (value == null) {
                return "";
            }
            if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
                return "\"" + value.replace("\"", "\"\"") + "\"";
            }
            return value;
        }
    }
}
