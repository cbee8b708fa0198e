package io.regshift.benchmarks;

/**
 * One file of a generated corpus, as planned: everything needed to render its bytes again.
 *
 * @param path relative to the corpus root, {@code /}-separated
 * @param size characters to write at least; the file ends at the first line boundary after it
 * @param seed of the file's own random source, so files render independently and in any order
 * @param truths true uses of a deprecated endpoint planted in it: each is one finding
 * @param nearMisses lines that look like a use but are not one: each is no finding
 */
record CorpusFile(String path, Kind kind, int size, long seed, int truths, int nearMisses) {}
