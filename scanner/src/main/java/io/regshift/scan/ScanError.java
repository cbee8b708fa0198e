package io.regshift.scan;

/** A file the scan could not read in full, and why; the scan goes on without it. */
public record ScanError(String path, String message) {}
