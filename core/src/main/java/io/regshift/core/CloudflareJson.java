package io.regshift.core;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;

/**
 * JSON for both endpoints, with Moshi: the {@link Envelope} (unknown fields are ignored, so newer
 * API responses still read) and the deprecated endpoints' request body, a JSON array of
 * registration ID strings read strictly into {@link RegistrationIds}.
 */
public final class CloudflareJson {
    private static final Moshi MOSHI = new Moshi.Builder()
            .add(RegistrationIds.class, new RegistrationIdsAdapter())
            .build();
    private static final JsonAdapter<Envelope> ENVELOPE = MOSHI.adapter(Envelope.class);
    private static final JsonAdapter<RegistrationIds> REGISTRATION_IDS = MOSHI.adapter(RegistrationIds.class);

    private CloudflareJson() {}

    /** A Moshi that knows regshift's types, e.g. for Retrofit's {@code MoshiConverterFactory}. */
    public static Moshi moshi() {
        return MOSHI;
    }

    /** Reads and writes envelopes; unknown fields are skipped. */
    public static JsonAdapter<Envelope> envelope() {
        return ENVELOPE;
    }

    /** Reads an array of registration ID strings strictly, and writes one. */
    public static JsonAdapter<RegistrationIds> registrationIds() {
        return REGISTRATION_IDS;
    }

    /** Error envelopes are small; this keeps a misbehaving server from filling the heap. */
    private static final long MAX_ENVELOPE_BYTES = 1 << 20;

    /**
     * The envelope of an HTTP response, read without consuming its body; null when the body is not
     * a Cloudflare envelope (an HTML error page from a proxy, say) or is larger than 1 MiB.
     */
    public static Envelope readEnvelope(okhttp3.Response response) {
        try {
            return envelope().fromJson(response.peekBody(MAX_ENVELOPE_BYTES).string());
        } catch (IOException | RuntimeException notAnEnvelope) {
            return null;
        }
    }

    /**
     * Reads a deprecated endpoint's request body: UTF-8 JSON that is an array of valid registration
     * ID strings, nothing else.
     *
     * @throws IllegalArgumentException with a message that says what is wrong and where
     */
    public static RegistrationIds readRegistrationIds(byte[] body) {
        if (isBlank(body)) {
            throw new IllegalArgumentException(
                    "request body is empty; expected a JSON array of registration ID strings");
        }
        try {
            // Moshi reads the bytes, now known to be valid UTF-8, rather than the text encoded again.
            JsonReader reader = JsonReader.of(new Buffer().write(body));
            RegistrationIds ids = REGISTRATION_IDS.fromJson(reader);
            if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
                throw new JsonDataException("JSON document was not fully consumed.");
            }
            if (ids == null) {
                throw new IllegalArgumentException(
                        "request body is null; expected a JSON array of registration ID strings");
            }
            return ids;
        } catch (JsonDataException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("request body is not valid JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the body is empty or only whitespace; refuses a body that is not UTF-8. ASCII, which
     * registration IDs are, is checked byte by byte without decoding.
     */
    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return decodeStrictly(body).isBlank();
            }
        }
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return false; // usually the first byte, '['
            }
        }
        return true;
    }

    private static String decodeStrictly(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("request body is not valid UTF-8", e);
        }
    }

    /** Strict: an array whose every element is a string; each element named in the error. */
    private static final class RegistrationIdsAdapter extends JsonAdapter<RegistrationIds> {
        @Override
        public RegistrationIds fromJson(JsonReader reader) throws IOException {
            if (reader.peek() == JsonReader.Token.NULL) {
                return reader.nextNull();
            }
            if (reader.peek() != JsonReader.Token.BEGIN_ARRAY) {
                throw new JsonDataException("expected a JSON array of registration ID strings but found "
                        + describe(reader.peek())
                        + " at "
                        + reader.getPath());
            }
            List<String> ids = new ArrayList<>();
            reader.beginArray();
            for (int index = 0; reader.hasNext(); index++) {
                JsonReader.Token token = reader.peek();
                if (token != JsonReader.Token.STRING) {
                    String value = token == JsonReader.Token.NUMBER ? " (" + reader.nextString() + ")" : "";
                    throw new JsonDataException("element ["
                            + index
                            + "] is "
                            + describe(token)
                            + value
                            + "; every element must be a registration ID string");
                }
                ids.add(reader.nextString());
            }
            reader.endArray();
            try {
                return RegistrationIds.of(ids);
            } catch (IllegalArgumentException e) {
                throw new JsonDataException(e.getMessage(), e);
            }
        }

        @Override
        public void toJson(JsonWriter writer, RegistrationIds ids) throws IOException {
            if (ids == null) {
                writer.nullValue();
                return;
            }
            writer.beginArray();
            for (String id : ids) {
                writer.value(id);
            }
            writer.endArray();
        }

        private static String describe(JsonReader.Token token) {
            switch (token) {
                case BEGIN_ARRAY:
                    return "an array";
                case BEGIN_OBJECT:
                    return "an object";
                case NUMBER:
                    return "a number";
                case BOOLEAN:
                    return "a boolean";
                case NULL:
                    return "null";
                case STRING:
                    return "a string";
                default:
                    return token.name().toLowerCase(java.util.Locale.ROOT);
            }
        }
    }
}
