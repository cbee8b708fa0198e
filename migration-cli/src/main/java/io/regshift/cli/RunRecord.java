package io.regshift.cli;

import io.regshift.core.RegistrationsResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a revoke or unrevoke run has done, written as each replacement call completes: one {@code
 * ID<TAB>revoked} or {@code ID<TAB>failed<TAB>reason} line per ID, to standard output (text format)
 * and the results file, flushed per call. A stop (SIGINT, SIGTERM) lets the call in flight finish
 * for a bounded time, then records its IDs as not confirmed; no call is started after a stop.
 * Standard output and the file get the same lines, so either is a record to resume from.
 */
final class RunRecord {
    private static final String NOT_SENT = "not sent: stopped by a signal";

    private final String done;
    private final PrintWriter out;
    private final Writer results;
    private final Object lock = new Object();
    /** The IDs of the calls begun and not yet recorded, a set per call; the first is in flight. */
    private final Deque<Set<String>> pending = new ArrayDeque<>();

    private final List<String> succeeded = new ArrayList<>();
    private final List<RegistrationsResult.Failure> failures = new ArrayList<>();
    private final Map<String, String> unconfirmed = new LinkedHashMap<>();

    private boolean stopping;
    private boolean closed;

    /**
     * @param done the operation's past tense, e.g. {@code revoked}
     * @param out where the lines go besides the results file; null for none (json format)
     * @param results the results file, opened for appending; null for none
     */
    RunRecord(String done, PrintWriter out, Writer results) {
        this.done = done;
        this.out = out;
        this.results = results;
    }

    /**
     * Marks these calls' IDs as about to be sent, in this order; false once a stop has begun, and
     * nothing may be sent.
     */
    boolean begin(List<? extends Collection<String>> calls) {
        synchronized (lock) {
            if (stopping) {
                return false;
            }
            for (Collection<String> call : calls) {
                pending.add(new LinkedHashSet<>(call));
            }
            return true;
        }
    }

    /** Records one call's outcome; after a stop, interrupts this thread so no further call is sent. */
    void record(RegistrationsResult call) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            StringBuilder lines = new StringBuilder();
            for (String id : call.succeededIds()) {
                lines.append(id).append('\t').append(done).append('\n');
                forget(id);
            }
            succeeded.addAll(call.succeededIds());
            for (RegistrationsResult.Failure failure : call.failures()) {
                String reason = oneLine(failure.reason() + (failure.errors().isEmpty() ? "" : " " + failure.errors()));
                for (String id : failure.ids()) {
                    lines.append(id).append("\tfailed\t").append(reason).append('\n');
                    forget(id);
                }
                failures.add(failure);
            }
            write(lines.toString());
            if (stopping) {
                Thread.currentThread().interrupt();
            }
            lock.notifyAll();
        }
    }

    /**
     * The shutdown hook's part: no further call starts; the one in flight gets {@code grace} to
     * finish, then its IDs are recorded as not confirmed, and those of calls not sent as such.
     */
    void stop(Duration grace) {
        synchronized (lock) {
            stopping = true;
            long end = System.nanoTime() + grace.toNanos();
            try {
                for (long left = grace.toNanos(); !pending.isEmpty() && left > 0; left = end - System.nanoTime()) {
                    lock.wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            StringBuilder lines = new StringBuilder();
            String reason = unconfirmedReason();
            for (Set<String> call : pending) {
                for (String id : call) {
                    lines.append(id).append("\tfailed\t").append(reason).append('\n');
                    unconfirmed.put(id, reason);
                }
                reason = NOT_SENT;
            }
            pending.clear();
            write(lines.toString());
            closed = true;
        }
    }

    /** Clears the interrupt {@link #record} may have set; whether a stop has begun. */
    boolean stopped() {
        Thread.interrupted();
        synchronized (lock) {
            return stopping;
        }
    }

    List<String> succeeded() {
        synchronized (lock) {
            return List.copyOf(succeeded);
        }
    }

    List<RegistrationsResult.Failure> failures() {
        synchronized (lock) {
            return List.copyOf(failures);
        }
    }

    /** The IDs in flight or not yet sent when a stop ended the run. */
    /** ID to reason. */
    Map<String, String> unconfirmed() {
        synchronized (lock) {
            return new LinkedHashMap<>(unconfirmed);
        }
    }

    private String unconfirmedReason() {
        return "not confirmed: stopped by a signal before Cloudflare answered; it may or may not be " + done;
    }

    private void forget(String id) {
        for (Iterator<Set<String>> calls = pending.iterator(); calls.hasNext(); ) {
            Set<String> call = calls.next();
            if (call.remove(id)) {
                if (call.isEmpty()) {
                    calls.remove();
                }
                return;
            }
        }
    }

    private void write(String lines) {
        if (out != null) {
            out.print(lines);
            out.flush();
        }
        if (results != null) {
            try {
                results.write(lines);
                results.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the results file: " + e.getMessage(), e);
            }
        }
    }

    /** Tabs and line breaks would break the record's format; other control characters its reader. */
    private static String oneLine(String reason) {
        StringBuilder clean = new StringBuilder(reason.length());
        for (int i = 0; i < reason.length(); i++) {
            char c = reason.charAt(i);
            clean.append(Character.isISOControl(c) ? ' ' : c);
        }
        return clean.toString();
    }
}
