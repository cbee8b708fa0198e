package io.regshift.scan;

import java.time.Duration;
import java.util.List;

/**
 * What a scan found.
 *
 * @param findings reported findings, sorted by path, line and column
 * @param suppressed findings dropped by a {@code regshift:ignore} comment
 * @param baselined findings dropped because the baseline lists them
 * @param filesScanned files (and archive entries) read
 * @param bytesScanned bytes read
 * @param errors files that could not be read, or not in full
 */
public record ScanResult(
        List<Finding> findings,
        int suppressed,
        int baselined,
        long filesScanned,
        long bytesScanned,
        List<ScanError> errors,
        Duration elapsed) {

    public ScanResult {
        findings = List.copyOf(findings);
        errors = List.copyOf(errors);
    }

    public ScanResult withFindings(List<Finding> kept, int baselined) {
        return new ScanResult(kept, suppressed, baselined, filesScanned, bytesScanned, errors, elapsed);
    }
}
