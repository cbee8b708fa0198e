package io.regshift.cli;

import io.regshift.scan.engine.Scanner;
import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A progress line on standard error while a long scan or listing runs, only when a person is
 * watching (a terminal), and only after it has taken a second: short runs and CI logs stay clean.
 */
final class ProgressLine implements AutoCloseable {
    private final ScheduledExecutorService timer;
    private final PrintWriter err;
    private volatile boolean shown;

    private ProgressLine(ScheduledExecutorService timer, PrintWriter err) {
        this.timer = timer;
        this.err = err;
    }

    static ProgressLine off() {
        return new ProgressLine(null, null);
    }

    static ProgressLine onTerminal(PrintWriter err, Scanner.Progress progress) {
        return onTerminal(
                err, () -> String.format("scanning: %,d files, %,d MiB", progress.files(), progress.bytes() >> 20));
    }

    /** A line that shows {@code status}, asked again each second from another thread. */
    static ProgressLine onTerminal(PrintWriter err, Supplier<String> status) {
        if (System.console() == null) {
            return off();
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "regshift-progress");
            t.setDaemon(true);
            return t;
        });
        ProgressLine line = new ProgressLine(timer, err);
        timer.scheduleAtFixedRate(
                () -> {
                    line.shown = true;
                    err.print("\r" + status.get());
                    err.flush();
                },
                1,
                1,
                TimeUnit.SECONDS);
        return line;
    }

    @Override
    public void close() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (shown) {
            err.print("\r\u001b[2K");
            err.flush();
        }
    }
}
