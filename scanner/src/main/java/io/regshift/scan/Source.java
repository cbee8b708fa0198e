package io.regshift.scan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where something the scan found is: a file under one of the scan's roots, and inside it the
 * chain of archive entries ({@code lib/a.jar!/b.jar!/C.class}). It is a finding's identity: two
 * files of the same relative name under two roots are two sources, and the fixer rewrites the
 * file the scan read, not one found again from text. Paths become text only in {@link #text()},
 * which the printers use.
 *
 * @param root the path the scan was given, a directory or a file
 * @param file the file on disk: {@code root} itself when the root is a file
 * @param path the file's path relative to the root, {@code /}-separated; a root file's own name
 * @param entries the archive entries inside {@code file}, outermost first; empty outside archives
 * @param label how the reports name the root: empty when the scan had one root, whose files are
 *     then named relative to it
 */
public record Source(Path root, Path file, String path, List<String> entries, String label) {
    public Source {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        entries = List.copyOf(entries);
        Objects.requireNonNull(label, "label");
    }

    /** A file scanned as its own root, and named {@code path}: for reading a stream on its own. */
    public static Source of(String path) {
        Path file = Path.of(path);
        return new Source(file, file, path, List.of(), "");
    }

    /** The entry {@code name} inside this source, an archive. */
    public Source entry(String name) {
        List<String> chain = new ArrayList<>(entries);
        chain.add(name);
        return new Source(root, file, path, chain, label);
    }

    /** The same source, its root named {@code label} in the reports. */
    public Source withLabel(String label) {
        return new Source(root, file, path, entries, label);
    }

    /** Whether the scan was given this file itself rather than a directory holding it. */
    public boolean isRootFile() {
        return file.equals(root);
    }

    /** Whether this is an entry of an archive rather than a file on disk. */
    public boolean inArchive() {
        return !entries.isEmpty();
    }

    /**
     * How the reports name this source: the path relative to the root, after the root's label and a
     * {@code /} when it has one (a root file is named by its label alone), then {@code !/} and each
     * archive entry.
     */
    public String text() {
        String base = label.isEmpty() ? path : isRootFile() ? label : label + "/" + path;
        return withEntries(base);
    }

    /**
     * The text that a finding's fingerprint is made of: {@link #text()}, except that a root file is
     * named by its own name wherever it is, so that a baseline holds for it however it was given.
     */
    public String fingerprintText() {
        return isRootFile() ? withEntries(path) : text();
    }

    private String withEntries(String base) {
        if (entries.isEmpty()) {
            return base;
        }
        StringBuilder text = new StringBuilder(base);
        for (String entry : entries) {
            text.append("!/").append(entry);
        }
        return text.toString();
    }
}
