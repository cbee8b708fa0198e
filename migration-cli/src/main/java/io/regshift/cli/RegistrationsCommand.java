package io.regshift.cli;

import io.regshift.core.Catalog;
import io.regshift.core.Credentials;
import io.regshift.core.Deprecation;
import io.regshift.core.RegistrationIds;
import io.regshift.core.RegistrationsClient;
import io.regshift.core.RegistrationsResult;
import io.regshift.core.ReplacementCall;
import io.regshift.core.ResponseInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code regshift revoke}, {@code regshift unrevoke}: one command per operation of the catalog,
 * each an instance of this class configured by its {@link Deprecation} (name, help text, endpoint,
 * past tense), so an operation added to the catalog is a command without code here. It calls the
 * replacement endpoint through {@link RegistrationsClient}. Credentials come only from the
 * environment, so they stay out of shell history and process listings.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class)
final class RegistrationsCommand implements Callable<Integer> {
    /** IDs per client call, so a long list shows progress; the client batches within it. */
    private static final int CHUNK = 1000;

    /** How long a stop (SIGINT, SIGTERM) waits for the call in flight before recording it unconfirmed. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    /** The largest file of IDs read: about a million IDs. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    /** The longest line read; a registration ID is far shorter. */
    static final int MAX_LINE_BYTES = 8 * 1024;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where {@code --account} comes from when it is not given, as Cloudflare's own tools read it. */
    static final String ENV_ACCOUNT_ID = "CLOUDFLARE_ACCOUNT_ID";

    @Option(
            names = "--account",
            paramLabel = "ACCOUNT_ID",
            description = "The Cloudflare account ID (default: " + ENV_ACCOUNT_ID + ").")
    String account;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--id", paramLabel = "ID", description = "A registration ID; repeatable.")
        List<String> ids;

        @Option(
                names = "--ids-file",
                paramLabel = "FILE",
                description =
                        "A file of registration IDs, one per line (- for standard input); blank lines and # comments are skipped.")
        String file;
    }

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            description = "The API base URL (default: CLOUDFLARE_BASE_URL, else " + Catalog.DEFAULT_BASE_URL + ").")
    String baseUrl;

    @Option(
            names = "--dry-run",
            description = "Print the requests that would be sent (without credentials) and send nothing.")
    boolean dryRun;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format = "text";

    @Option(
            names = "--results",
            paramLabel = "FILE",
            description =
                    "Append each ID's outcome to FILE as its call completes (ID<TAB>${bundle:regshift.done}, or ID<TAB>failed<TAB>reason), flushed per call.")
    String results;

    @Option(
            names = "--resume",
            paramLabel = "FILE",
            description =
                    "A results file of an earlier run: its IDs already done by this operation are not sent again.")
    String resume;

    private final Deprecation deprecation;
    private final Map<String, String> environment;
    private final InputStream stdin;

    private RegistrationsCommand(Deprecation deprecation, Map<String, String> environment, InputStream stdin) {
        this.deprecation = deprecation;
        this.environment = environment;
        this.stdin = stdin;
    }

    /**
     * The command for one operation of the catalog: named by its id, described from its
     * replacement endpoint and past tense; reading this environment and standard input.
     */
    static CommandSpec commandFor(Deprecation deprecation, Map<String, String> environment, InputStream stdin) {
        CommandSpec spec = CommandSpec.forAnnotatedObject(new RegistrationsCommand(deprecation, environment, stdin));
        String done = deprecation.pastTense();
        spec.name(deprecation.id());
        spec.usageMessage()
                .description(
                        "Calls " + deprecation.replacement()
                                + " for the given device registrations, batched and retried, and prints each ID's"
                                + " outcome (" + done + " or failed).",
                        CREDENTIALS_HELP);
        Map<String, String> exitCodes = new LinkedHashMap<>();
        exitCodes.put("0", "all " + done);
        exitCodes.put("1", "some failed (listed)");
        exitCodes.put("2", "usage or auth errors");
        exitCodes.put("143, 130", "the JVM's, when stopped by a signal (143 for SIGTERM, 130 for SIGINT)");
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
        spec.resourceBundle(new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][] {{"regshift.done", done}};
            }
        });
        return spec;
    }

    @Override
    public Integer call() throws IOException {
        if (!format.equals("text") && !format.equals("json")) {
            throw usage("unknown --format '" + format + "'; use text or json");
        }
        if (account == null) {
            account = environment.get(ENV_ACCOUNT_ID);
            if (account == null || account.isBlank()) {
                throw usage("no account: give --account ACCOUNT_ID or set " + ENV_ACCOUNT_ID);
            }
        }
        List<String> ids = source.ids != null ? source.ids : readIds(source.file);
        if (ids.isEmpty()) {
            throw usage("no registration IDs in " + (source.file.equals("-") ? "standard input" : source.file));
        }
        RegistrationIds distinct;
        try {
            distinct = RegistrationIds.of(ids);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (ids.size() > distinct.size()) {
            err.println("regshift: " + (ids.size() - distinct.size()) + " duplicate IDs are sent once");
        }
        String base =
                baseUrl != null ? baseUrl : environment.getOrDefault("CLOUDFLARE_BASE_URL", Catalog.DEFAULT_BASE_URL);
        RegistrationsClient.Builder builder;
        try {
            builder = RegistrationsClient.builder().environment(environment).baseUrl(base);
        } catch (IllegalArgumentException e) {
            throw usage((baseUrl != null ? "--base-url: " : "CLOUDFLARE_BASE_URL: ") + e.getMessage());
        }
        RegistrationsClient client;
        try {
            client = builder.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw usage(e.getMessage());
        }
        if (dryRun) {
            return dryRun(plan(client, distinct), distinct.size(), out);
        }
        List<String> todo = new ArrayList<>(distinct);
        if (resume != null) {
            Set<String> finished = readFinished(resume);
            todo.removeIf(finished::contains);
            err.println("regshift: " + (distinct.size() - todo.size()) + " IDs already " + deprecation.pastTense()
                    + " in " + shown(resume) + " are skipped; " + todo.size() + " to send");
            if (todo.isEmpty()) {
                return 0;
            }
        }
        try (Writer results = openResults()) {
            RunRecord record = new RunRecord(deprecation.pastTense(), format.equals("text") ? out : null, results);
            Thread hook = new Thread(() -> stop(record, out, err), "regshift-" + deprecation.id() + "-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                send(client, todo, record, err);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is running: it reports the run, and the JVM is exiting.
                }
            }
            List<RegistrationsResult.Failure> failures = record.failures();
            report(record, out, err);
            if (!failures.isEmpty()
                    && failures.stream()
                            .allMatch(f -> f.httpStatus().orElse(0) == 401
                                    || f.httpStatus().orElse(0) == 403)) {
                err.println("regshift: Cloudflare refused the credentials from the environment ("
                        + failures.get(0).reason() + " " + failures.get(0).errors() + ")");
                return Main.EXIT_ERROR;
            }
            return failures.isEmpty() ? 0 : Main.EXIT_FINDINGS;
        }
    }

    /**
     * Sends the IDs a chunk at a time, each call's outcome recorded as it completes, until a stop.
     * Each chunk is planned once: the record begins with the very calls that are sent.
     */
    private void send(RegistrationsClient client, List<String> ids, RunRecord record, PrintWriter err) {
        boolean bar = System.console() != null && ids.size() > CHUNK;
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            List<ReplacementCall> calls = plan(client, chunk);
            if (!record.begin(calls.stream().map(ReplacementCall::ids).toList())) {
                break;
            }
            client.send(deprecation, calls, record::record);
            if (record.stopped()) {
                break;
            }
            if (bar) {
                err.print(String.format("\r%s: %,d / %,d IDs", deprecation.id(), from + chunk.size(), ids.size()));
                err.flush();
            }
        }
        if (bar) {
            err.print("\r\u001b[2K");
        }
    }

    private List<ReplacementCall> plan(RegistrationsClient client, List<String> ids) {
        try {
            return client.plan(deprecation, account, ids);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** The shutdown hook: the call in flight finishes or is recorded as not confirmed, then a summary. */
    private void stop(RunRecord record, PrintWriter out, PrintWriter err) {
        record.stop(STOP_GRACE);
        err.println();
        err.println("regshift: stopped by a signal; nothing more is sent");
        report(record, out, err);
        if (results == null) {
            err.println("regshift: no --results file was given: the lines above are the only record of this run");
        } else {
            err.println("regshift: to send the rest: the same command with --resume " + results);
        }
        out.flush();
        err.flush();
    }

    private static boolean isRegistrationId(String value) {
        try {
            RegistrationIds.of(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Writer openResults() {
        if (results == null) {
            return null;
        }
        try {
            return Files.newBufferedWriter(
                    Path.of(results), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw usage("--results " + results + ": cannot open it for writing (" + e.getMessage() + ")");
        }
    }

    /**
     * The IDs a results file says are done by this operation: the last line for an ID wins, so a
     * file appended to by several runs reads right.
     */
    private Set<String> readFinished(String file) {
        List<String> lines = readLines("--resume", file);
        Map<String, String> last = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t", 3);
            boolean statusOk = fields.length >= 2
                    && (fields[1].equals("failed")
                            || Catalog.standard().writes().stream()
                                    .anyMatch(d -> d.pastTense().equals(fields[1])));
            boolean idOk = statusOk && isRegistrationId(fields[0]);
            if (!statusOk || !idOk) {
                throw usage("--resume " + shown(file) + ":" + (i + 1)
                        + " is not a results line; expected "
                        + Catalog.standard().writes().stream()
                                .map(d -> "ID<TAB>" + d.pastTense() + ", ")
                                .collect(Collectors.joining())
                        + "or ID<TAB>failed<TAB>reason, as --results writes");
            }
            last.put(fields[0], fields[1]);
        }
        Set<String> finished = new HashSet<>();
        String done = deprecation.pastTense();
        last.forEach((id, status) -> {
            if (status.equals(done)) {
                finished.add(id);
            }
        });
        return finished;
    }

    /** The client's plan, as it would be sent: the base URL was checked, so it has nothing secret. */
    private int dryRun(List<ReplacementCall> calls, int ids, PrintWriter out) {
        if (format.equals("json")) {
            List<Map<String, Object>> requests = new ArrayList<>();
            for (ReplacementCall call : calls) {
                Map<String, Object> request = new LinkedHashMap<>();
                request.put("method", call.method());
                request.put("url", call.url().toString());
                request.put("ids", call.ids().size());
                requests.add(request);
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("operation", deprecation.id());
            root.put("dryRun", true);
            root.put("requests", requests);
            out.println(Json.write(root));
        } else {
            for (ReplacementCall call : calls) {
                out.println(call.method() + " " + call.url());
            }
            out.println("regshift: would send " + calls.size() + (calls.size() == 1 ? " request" : " requests")
                    + " for " + ids + " IDs, with the credentials from the environment (not shown)");
        }
        return 0;
    }

    /** Text: the per-ID lines are out already, so only the summary; json: the whole document. */
    private void report(RunRecord record, PrintWriter out, PrintWriter err) {
        String done = deprecation.pastTense();
        List<String> succeeded = record.succeeded();
        List<RegistrationsResult.Failure> failures = record.failures();
        Map<String, String> unconfirmed = record.unconfirmed();
        int failed = failures.stream().mapToInt(f -> f.ids().size()).sum() + unconfirmed.size();
        if (format.equals("json")) {
            List<Map<String, Object>> failedIds = new ArrayList<>();
            for (RegistrationsResult.Failure f : failures) {
                List<Map<String, Object>> errors = new ArrayList<>();
                for (ResponseInfo e : f.errors()) {
                    Map<String, Object> error = new LinkedHashMap<>();
                    error.put("code", e.code());
                    error.put("message", e.message());
                    errors.add(error);
                }
                for (String id : f.ids()) {
                    failedIds.add(failure(
                            id, f.httpStatus().isPresent() ? f.httpStatus().getAsInt() : null, f.reason(), errors));
                }
            }
            unconfirmed.forEach((id, reason) -> failedIds.add(failure(id, null, reason, List.of())));
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("operation", deprecation.id());
            root.put("endpoint", deprecation.replacement().toString());
            root.put(done, succeeded);
            root.put("failed", failedIds);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put(done, succeeded.size());
            summary.put("failed", failed);
            root.put("summary", summary);
            out.println(Json.write(root));
        }
        out.flush();
        err.println("regshift: " + succeeded.size() + " of " + (succeeded.size() + failed) + " registrations " + done
                + (failed == 0
                        ? ""
                        : "; " + failed + " failed (listed" + (format.equals("json") ? "" : " above") + ")"));
    }

    private static Map<String, Object> failure(
            String id, Integer status, String reason, List<Map<String, Object>> errors) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", id);
        entry.put("status", status);
        entry.put("reason", reason);
        entry.put("errors", errors);
        return entry;
    }

    /** The file's IDs, one per line: UTF-8 (a BOM is dropped), CRLF or LF, blanks and # comments skipped. */
    private List<String> readIds(String file) {
        List<String> lines = readLines("--ids-file", file);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                RegistrationIds.of(line);
            } catch (IllegalArgumentException e) {
                throw usage(shown(file) + ":" + (i + 1) + ": "
                        + e.getMessage().replace("registration ID [0] ", "registration ID "));
            }
            ids.add(line);
        }
        return ids;
    }

    /**
     * The lines of a UTF-8 file (or standard input for {@code -}), read as a stream and refused past
     * {@link #MAX_FILE_BYTES} or a line of {@link #MAX_LINE_BYTES}: {@code /dev/zero} or a file
     * without line breaks is an error, not a heap exhausted.
     */
    private List<String> readLines(String flag, String file) {
        List<String> lines = new ArrayList<>();
        try (InputStream in = file.equals("-") ? stdin : Files.newInputStream(Path.of(file))) {
            InputStream buffered = new java.io.BufferedInputStream(in, 64 * 1024);
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            long total = 0;
            for (int b = buffered.read(); ; b = buffered.read()) {
                if (b >= 0 && ++total > MAX_FILE_BYTES) {
                    throw usage(flag + " " + shown(file) + " is larger than " + MAX_FILE_BYTES / (1024 * 1024)
                            + " MiB, the limit for a file of IDs; split it");
                }
                if (b < 0 || b == '\n') {
                    lines.add(decode(flag, file, lines.size() + 1, line.toByteArray()));
                    line.reset();
                    if (b < 0) {
                        break;
                    }
                } else if (line.size() >= MAX_LINE_BYTES) {
                    throw usage(flag + " " + shown(file) + ":" + (lines.size() + 1) + ": the line is longer than "
                            + MAX_LINE_BYTES + " bytes, the limit for one line; expected one registration ID per line");
                } else {
                    line.write(b);
                }
            }
        } catch (NoSuchFileException e) {
            throw usage(flag + " " + file + ": no such file");
        } catch (IOException e) {
            throw usage(flag + " " + file + ": " + e.getMessage());
        }
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            lines.set(0, lines.get(0).substring(1));
        }
        return lines;
    }

    private String decode(String flag, String file, int lineNumber, byte[] bytes) {
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw usage(flag + " " + shown(file) + ":" + lineNumber + " is not UTF-8 text");
        }
    }

    private static String shown(String file) {
        return file.equals("-") ? "standard input" : file;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** Credentials are never a flag: a reminder in each command's help. */
    static final String CREDENTIALS_HELP = "Credentials come from " + Credentials.ENV_API_TOKEN + ", or "
            + Credentials.ENV_EMAIL + " with " + Credentials.ENV_API_KEY + ", never from a flag.";
}
