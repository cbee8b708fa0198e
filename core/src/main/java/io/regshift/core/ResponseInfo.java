package io.regshift.core;

import com.squareup.moshi.Json;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a Cloudflare envelope's {@code errors} or {@code messages}: a numeric code, a
 * message, and optionally a documentation link and a JSON pointer to the offending input.
 */
public final class ResponseInfo {
    private int code;
    private String message;

    @Json(name = "documentation_url")
    private String documentationUrl;

    private Source source;

    private ResponseInfo() {}

    private ResponseInfo(int code, String message, String documentationUrl, Source source) {
        this.code = code;
        this.message = Objects.requireNonNull(message, "message");
        this.documentationUrl = documentationUrl;
        this.source = source;
    }

    /** An entry with a code and a message. */
    public static ResponseInfo of(int code, String message) {
        return new ResponseInfo(code, message, null, null);
    }

    /** A copy of this entry with a documentation link. */
    public ResponseInfo withDocumentationUrl(String url) {
        return new ResponseInfo(code, message, url, source);
    }

    /** A copy of this entry that points at the offending part of the request. */
    public ResponseInfo withSourcePointer(String pointer) {
        return new ResponseInfo(code, message, documentationUrl, new Source(pointer));
    }

    /** Cloudflare's code; documented codes are at least 1000. */
    public int code() {
        return code;
    }

    /** The message, never null (an absent message reads as empty). */
    public String message() {
        return message == null ? "" : message;
    }

    public Optional<String> documentationUrl() {
        return Optional.ofNullable(documentationUrl);
    }

    /** The JSON pointer of {@code source.pointer}, if the entry has one. */
    public Optional<String> sourcePointer() {
        return Optional.ofNullable(source).map(s -> s.pointer);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ResponseInfo)) {
            return false;
        }
        ResponseInfo other = (ResponseInfo) o;
        return code == other.code
                && message().equals(other.message())
                && documentationUrl().equals(other.documentationUrl())
                && sourcePointer().equals(other.sourcePointer());
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, message(), documentationUrl, sourcePointer());
    }

    /** e.g. {@code 10000: Authentication error}. */
    @Override
    public String toString() {
        return code + ": " + message();
    }

    /** The {@code source} object of a {@link ResponseInfo}. */
    static final class Source {
        private String pointer;

        private Source() {}

        Source(String pointer) {
            this.pointer = pointer;
        }
    }
}
