package io.regshift.scan;

import java.util.Objects;

/** A file the scan could not read in full, and why; the scan goes on without it. */
public record ScanError(Source source, String message) {
    public ScanError {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
    }

    /** How reports name the file, as {@link Finding#path()} does. */
    public String path() {
        return source.text();
    }

    /** The same error in a source named otherwise. */
    public ScanError withSource(Source source) {
        return new ScanError(source, message);
    }
}
