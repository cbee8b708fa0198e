package io.regshift.scan.dialect;

import io.regshift.core.SdkCall;
import java.util.List;
import java.util.Locale;

/** Every dialect, and which one a file or an SDK has: the one place that maps them. */
final class Dialects {
    static final TypeScriptDialect TYPESCRIPT = new TypeScriptDialect();
    static final PythonDialect PYTHON = new PythonDialect();
    static final GoDialect GO = new GoDialect();

    private static final List<Dialect> BY_EXTENSION = List.of(
            TYPESCRIPT,
            PYTHON,
            GO,
            JavaDialect.JAVA,
            JavaDialect.KOTLIN,
            JavaDialect.OTHER_JVM,
            TextDialect.DOCUMENTATION);

    private Dialects() {}

    static Dialect of(String path) {
        String extension = extension(path);
        for (Dialect dialect : BY_EXTENSION) {
            if (dialect.extensions().contains(extension)) {
                return dialect;
            }
        }
        return TextDialect.OTHER;
    }

    static SdkDialect of(SdkCall.Language language) {
        return switch (language) {
            case TYPESCRIPT -> TYPESCRIPT;
            case PYTHON -> PYTHON;
            case GO -> GO;
            case JAVA -> JavaDialect.JAVA;
        };
    }

    private static String extension(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }
}
