package io.regshift.scan.engine;

/** What kind of bytes are being searched, which decides the rules that apply. */
enum Mode {
    /** A text file of the tree: path and SDK rules. */
    SOURCE,
    /** A compiled class or a resource inside an archive: the path, reported by artifact rules. */
    ARTIFACT
}
