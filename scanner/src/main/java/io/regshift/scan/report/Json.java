package io.regshift.scan.report;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.regshift.scan.ControlCharacters;

/** Pretty JSON of plain maps and lists, in insertion order. */
final class Json {
    private static final JsonAdapter<Object> ADAPTER =
            new Moshi.Builder().build().adapter(Object.class).indent("  ");

    private Json() {}

    static String write(Object tree) {
        return ControlCharacters.escapeJson(ADAPTER.toJson(tree));
    }
}
