package io.regshift.benchmarks;

/** The kinds of file in a generated corpus, with their share of its files. */
enum Kind {
    TYPESCRIPT("ts", true),
    PYTHON("py", true),
    GO("go", true),
    JAVA("java", true),
    YAML("yaml", false),
    JSON("json", false),
    MARKDOWN("md", false),
    SHELL("sh", false);

    final String extension;
    /** Whether a repository can be written mainly in it. */
    final boolean code;

    Kind(String extension, boolean code) {
        this.extension = extension;
        this.code = code;
    }
}
