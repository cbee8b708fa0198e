package io.regshift.scan.report;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;

/** Pretty JSON of plain maps and lists, in insertion order. */
final class Json {
  private static final JsonAdapter<Object> ADAPTER = new Moshi.Builder().build().adapter(Object.class).indent("  ");

  private Json() {}

  static String write(Object tree) {
    return ADAPTER.toJson(tree);
  }
}
