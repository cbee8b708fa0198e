package io.regshift.core;

import com.squareup.moshi.Json;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The envelope every Cloudflare API response comes in, for the deprecated endpoints and their
 * replacements alike: {@code {"errors": [...], "messages": [...], "result": ..., "success": bool,
 * "result_info": {...}}}.
 *
 * <p>{@code result} is whatever JSON the endpoint returned: an object (as a {@code Map}), a string,
 * or null. Absent lists read as empty. Read and write it with {@link CloudflareJson}.
 */
public final class Envelope {
    private List<ResponseInfo> errors;
    private List<ResponseInfo> messages;
    private Object result;
    private boolean success;

    @Json(name = "result_info")
    private ResultInfo resultInfo;

    private Envelope() {}

    private Envelope(boolean success, List<ResponseInfo> errors, List<ResponseInfo> messages, Object result) {
        this.success = success;
        this.errors = List.copyOf(errors);
        this.messages = List.copyOf(messages);
        this.result = result;
    }

    /** A successful envelope with this result and no errors or messages. */
    public static Envelope success(Object result) {
        return new Envelope(true, List.of(), List.of(), result);
    }

    /** A failed envelope with these errors; {@code result} may be null. */
    public static Envelope failure(List<ResponseInfo> errors, Object result) {
        return new Envelope(false, errors, List.of(), result);
    }

    /** A copy of this envelope with these messages. */
    public Envelope withMessages(List<ResponseInfo> messages) {
        Envelope copy = new Envelope(success, errors(), messages, result);
        copy.resultInfo = resultInfo;
        return copy;
    }

    /** A copy of this envelope with this {@code result_info}. */
    public Envelope withResultInfo(ResultInfo resultInfo) {
        Envelope copy = new Envelope(success, errors(), messages(), result);
        copy.resultInfo = Objects.requireNonNull(resultInfo, "resultInfo");
        return copy;
    }

    public boolean success() {
        return success;
    }

    public List<ResponseInfo> errors() {
        return errors == null ? List.of() : List.copyOf(errors);
    }

    public List<ResponseInfo> messages() {
        return messages == null ? List.of() : List.copyOf(messages);
    }

    /** The result as decoded JSON: a {@code Map}, a {@code List}, a {@code String}, or null. */
    public Object result() {
        return result;
    }

    public Optional<ResultInfo> resultInfo() {
        return Optional.ofNullable(resultInfo);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Envelope)) {
            return false;
        }
        Envelope other = (Envelope) o;
        return success == other.success
                && errors().equals(other.errors())
                && messages().equals(other.messages())
                && Objects.equals(result, other.result)
                && Objects.equals(resultInfo, other.resultInfo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(success, errors(), messages(), result, resultInfo);
    }

    @Override
    public String toString() {
        return "Envelope{success="
                + success
                + ", errors="
                + errors()
                + ", messages="
                + messages()
                + ", result="
                + result
                + "}";
    }
}
