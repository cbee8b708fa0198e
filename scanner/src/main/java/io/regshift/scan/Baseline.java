package io.regshift.scan;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The findings a team has accepted for now, by fingerprint, so that CI fails only on new uses.
 * The file is JSON: {@code {"schemaVersion": 1, "findings": [{"fingerprint", "ruleId", "path",
 * "line"}]}}; only the fingerprint matters, the rest is for people reading it.
 */
public final class Baseline {
    private static final JsonAdapter<Map<String, Object>> ADAPTER = new Moshi.Builder()
            .build()
            .<Map<String, Object>>adapter(Types.newParameterizedType(Map.class, String.class, Object.class))
            .indent("  ");

    private final Set<String> fingerprints;

    private Baseline(Set<String> fingerprints) {
        this.fingerprints = Set.copyOf(fingerprints);
    }

    /**
     * Reads a baseline written by {@link #write}.
     *
     * @throws IOException if the file can't be read
     * @throws IllegalArgumentException if it is not a regshift baseline, saying what is wrong
     */
    public static Baseline read(Path file) throws IOException {
        String json = Files.readString(file, StandardCharsets.UTF_8);
        Map<String, Object> root;
        try {
            root = ADAPTER.fromJson(json);
        } catch (JsonDataException | IOException e) {
            throw new IllegalArgumentException(file + " is not a regshift baseline: " + e.getMessage(), e);
        }
        if (root == null
                || !Double.valueOf(1).equals(root.get("schemaVersion"))
                || !(root.get("findings") instanceof List<?> list)) {
            throw new IllegalArgumentException(
                    file + " is not a regshift baseline: expected {\"schemaVersion\": 1, \"findings\": [...]}");
        }
        List<String> fingerprints = new ArrayList<>();
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?> map) || !(map.get("fingerprint") instanceof String fingerprint)) {
                throw new IllegalArgumentException(file + " is not a regshift baseline: an entry has no fingerprint");
            }
            fingerprints.add(fingerprint);
        }
        return new Baseline(Set.copyOf(fingerprints));
    }

    /** Writes the findings' fingerprints, replacing the file atomically. */
    public static void write(Path file, List<Finding> findings) throws IOException {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("fingerprint", f.fingerprint());
            entry.put("ruleId", f.ruleId());
            entry.put("path", f.path());
            entry.put("line", f.line());
            entries.add(entry);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", 1);
        root.put("findings", entries);
        Path absolute = file.toAbsolutePath();
        Path temporary = Files.createTempFile(absolute.getParent(), ".regshift-baseline", ".tmp");
        try {
            Files.writeString(
                    temporary, ControlCharacters.escapeJson(ADAPTER.toJson(root)) + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    public boolean contains(Finding finding) {
        return fingerprints.contains(finding.fingerprint());
    }

    /** The result without the findings this baseline lists. */
    public ScanResult filter(ScanResult result) {
        List<Finding> kept =
                result.findings().stream().filter(f -> !contains(f)).collect(Collectors.toList());
        return result.withFindings(kept, result.findings().size() - kept.size());
    }

    public int size() {
        return fingerprints.size();
    }
}
