package io.regshift.scan.engine;

import io.regshift.scan.Finding;
import io.regshift.scan.ScanError;
import java.util.List;

/**
 * What reading one file found.
 *
 * @param findings without fingerprints; the engine adds them once the file is complete
 * @param suppressed findings dropped by a {@code regshift:ignore} comment
 * @param files files and archive entries read (1 for a plain file)
 * @param bytes bytes read
 * @param errors problems that did not stop the reading: truncation, corrupt archive entries
 */
record FileScan(List<Finding> findings, int suppressed, long files, long bytes, List<ScanError> errors) {}
