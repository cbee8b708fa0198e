package io.regshift.fix;

import io.regshift.scan.Finding;
import io.regshift.scan.ScanError;
import io.regshift.scan.ScanResult;
import io.regshift.scan.Source;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of {@code regshift fix}: plans every file that has findings, renders the diff, and
 * (when asked) writes the files.
 */
public final class FixRun {
    private final List<Fixer.FilePlan> plans = new ArrayList<>();
    private final List<ScanError> errors = new ArrayList<>();

    private FixRun() {}

    /**
     * Plans the fixes of a scan's findings; {@code roots} are the paths the scan was given, and no
     * file larger than {@code maxFileSize} bytes is read into memory. Each file is the one its
     * findings' {@link Source} names, under the root it was found under: files of the same name
     * under two roots are two plans. A file that could not be planned (too large, unreadable, gone,
     * not under one of {@code roots}, or one fix must not write: a symbolic link, or one whose real
     * path is outside its root's) keeps its findings as left for a person, with the reason, and is
     * listed once in {@link #errors()}: a finding is never dropped.
     */
    public static FixRun plan(ScanResult scan, List<Path> roots, long maxFileSize) {
        FixRun run = new FixRun();
        run.errors.addAll(scan.errors());
        Map<Source, List<Finding>> bySource = new LinkedHashMap<>();
        for (Finding f : scan.findings()) {
            bySource.computeIfAbsent(f.source(), s -> new ArrayList<>()).add(f);
        }
        Map<List<Object>, Integer> named = new HashMap<>();
        for (Source source : bySource.keySet()) {
            named.merge(List.of(source.root(), source.text()), 1, Integer::sum);
        }
        for (Map.Entry<Source, List<Finding>> entry : bySource.entrySet()) {
            Source source = entry.getKey();
            if (source.inArchive()) {
                run.plans.add(Fixer.plan(source, new byte[0], entry.getValue()));
                continue;
            }
            if (!roots.contains(source.root())) {
                run.skip(source, entry.getValue(), "not under any of the paths given; not fixed", "rewrite it by hand");
                continue;
            }
            int sameName = named.get(List.of(source.root(), source.text()));
            if (sameName > 1) {
                // A diff and a report that name two files alike would leave a person unable to review them.
                run.skip(
                        source,
                        entry.getValue(),
                        sameName
                                + " files in its directory have names that read as this one (names that are not valid in the file"
                                + " name encoding, " + System.getProperty("sun.jnu.encoding")
                                + "), so the diff could not tell them apart; not fixed",
                        "rewrite it by hand");
                continue;
            }
            try {
                String refusal = FileWriter.refusal(source.root(), source.file());
                if (refusal != null) {
                    run.skip(source, entry.getValue(), refusal, "rewrite it by hand");
                    continue;
                }
                byte[] bytes = read(source.file(), maxFileSize);
                if (bytes == null) {
                    run.skip(
                            source,
                            entry.getValue(),
                            "it is larger than the size limit (" + maxFileSize + " bytes); not fixed",
                            "rewrite it by hand, or run fix with a larger size limit");
                    continue;
                }
                run.plans.add(Fixer.plan(source, bytes, entry.getValue()));
            } catch (NoSuchFileException e) {
                run.skip(source, entry.getValue(), "deleted since it was scanned; not fixed", "rewrite it by hand");
            } catch (IOException | OutOfMemoryError e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                run.skip(source, entry.getValue(), "unreadable (" + why + "); not fixed", "rewrite it by hand");
            }
        }
        return run;
    }

    /** The file's bytes, or null when it has more than {@code max}. */
    private static byte[] read(Path file, long max) throws IOException {
        if (Files.size(file) > max) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            // The file may have grown since its size was taken: read one byte past the bound to tell.
            byte[] bytes = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
            return bytes.length > max ? null : bytes;
        }
    }

    /** Leaves a file's findings for a person, and says why once for the file. */
    private void skip(Source source, List<Finding> findings, String reason, String manualStep) {
        errors.add(new ScanError(source, reason));
        plans.add(Fixer.unplanned(source, findings, "fix did not read or write its file: " + reason, manualStep));
    }

    /** How many files the fix would change. */
    public int changedFiles() {
        return changes().size();
    }

    private List<Fixer.FilePlan> changes() {
        return plans.stream().filter(Fixer.FilePlan::changes).toList();
    }

    /** Findings left for a person, each with its reason and manual step. */
    public List<Outcome> notFixable() {
        return plans.stream().flatMap(p -> p.notFixable().stream()).toList();
    }

    public List<ScanError> errors() {
        return errors;
    }

    /** The unified diff of every change. */
    public String diff() {
        StringBuilder out = new StringBuilder();
        for (Fixer.FilePlan plan : changes()) {
            out.append(UnifiedDiff.of(plan.path(), plan.original(), plan.rewritten()));
        }
        return out.toString();
    }

    /** Writes every change; problems (read-only, changed or deleted files) go to {@link #errors()}. */
    public int write() {
        int written = 0;
        for (Fixer.FilePlan plan : changes()) {
            String problem =
                    FileWriter.replace(plan.source().root(), plan.source().file(), plan.original(), plan.rewritten());
            if (problem == null) {
                written++;
            } else {
                errors.add(new ScanError(plan.source(), problem));
            }
        }
        return written;
    }

    /** The findings left for a person, their messages saying why and what to do, for the scan printers. */
    public List<Finding> notFixableFindings() {
        return notFixable().stream()
                .map(o -> o.finding()
                        .withMessage(o.finding().message() + ". Not fixable automatically: " + o.reason()
                                + ". Manual step: " + o.manualStep() + "."))
                .toList();
    }
}
