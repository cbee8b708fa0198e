package io.regshift.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;

/** Pretty JSON of maps and lists, for the commands' own outputs. */
final class Json {
    private static final JsonAdapter<Object> ADAPTER =
            new Moshi.Builder().build().adapter(Object.class).serializeNulls().indent("  ");

    private Json() {}

    static String write(Object tree) {
        return ADAPTER.toJson(tree);
    }
}
