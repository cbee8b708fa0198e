package io.regshift.benchmarks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The plan of a generated corpus: organisations of repositories, each mainly in one language, with
 * the configuration, documentation and scripts a repository has. Everything is drawn from one
 * seeded {@link Random} (whose algorithm Java specifies), so a seed and a size name one tree; a
 * larger size with the same seed extends the smaller tree's plan.
 *
 * @param truthRate the share of files with true uses planted
 * @param nearMissRate the share of files with near misses planted
 * @param files in the order planned
 */
record Corpus(long seed, long size, double truthRate, double nearMissRate, List<CorpusFile> files) {
    /** Of the files, the share with true uses planted, and with near misses. */
    static final double TRUTH_RATE = 0.005;

    static final double NEAR_MISS_RATE = 0.03;

    static final int MIN_FILE = 1 << 10;
    static final int MAX_FILE = 200 << 10;

    Corpus {
        files = List.copyOf(files);
    }

    /** Plans files until their sizes add up to at least {@code size} characters. */
    static Corpus plan(long seed, long size) {
        return plan(seed, size, TRUTH_RATE, NEAR_MISS_RATE);
    }

    static Corpus plan(long seed, long size, double truthRate, double nearMissRate) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive, was " + size);
        }
        if (!(truthRate >= 0 && truthRate <= 1 && nearMissRate >= 0 && nearMissRate <= 1)) {
            throw new IllegalArgumentException(
                    "rates are shares of the files, between 0 and 1; were " + truthRate + " and " + nearMissRate);
        }
        return new Planner(seed, size, truthRate, nearMissRate).plan();
    }

    /** True uses planted: the findings {@code regshift scan} must report on this corpus. */
    long truths() {
        return files.stream().mapToLong(CorpusFile::truths).sum();
    }

    long truthFiles() {
        return files.stream().filter(f -> f.truths() > 0).count();
    }

    long nearMisses() {
        return files.stream().mapToLong(CorpusFile::nearMisses).sum();
    }

    long nearMissFiles() {
        return files.stream().filter(f -> f.nearMisses() > 0).count();
    }

    private static final class Planner {
        private final Random r;
        private final long seed;
        private final long size;
        private final double truthRate;
        private final double nearMissRate;
        private final List<CorpusFile> files = new ArrayList<>();
        private final Set<String> paths = new HashSet<>();
        private long planned;

        Planner(long seed, long size, double truthRate, double nearMissRate) {
            this.r = new Random(seed);
            this.seed = seed;
            this.size = size;
            this.truthRate = truthRate;
            this.nearMissRate = nearMissRate;
        }

        Corpus plan() {
            String[] orgs = new String[8 + r.nextInt(9)];
            for (int i = 0; i < orgs.length; i++) {
                orgs[i] = Words.noun(r) + "-"
                        + Words.pick(r, new String[] {"platform", "team", "labs", "infra", "apps", "core"});
            }
            Kind[] primaries = {
                Kind.TYPESCRIPT,
                Kind.TYPESCRIPT,
                Kind.TYPESCRIPT,
                Kind.PYTHON,
                Kind.PYTHON,
                Kind.GO,
                Kind.GO,
                Kind.JAVA,
                Kind.JAVA
            };
            for (int repo = 0; !full(); repo++) {
                String root =
                        orgs[r.nextInt(orgs.length)] + "/" + Words.adjective(r) + "-" + Words.noun(r) + "-" + repo;
                Kind primary = primaries[r.nextInt(primaries.length)];
                // A repository's code lives in a few packages, several files to a directory.
                String[] areas = new String[3 + r.nextInt(10)];
                for (int i = 0; i < areas.length; i++) {
                    areas[i] = Words.noun(r) + (r.nextInt(3) == 0 ? "/" + Words.noun(r) : "");
                }
                String pythonPackage = Words.noun(r);
                add(root + "/README.md", Kind.MARKDOWN, 1 << 10, 24 << 10);
                for (int i = 8 + r.nextInt(113); i > 0 && !full(); i--) {
                    Kind kind = r.nextInt(10) == 0 ? primaries[r.nextInt(primaries.length)] : primary;
                    add(
                            root + "/" + codePath(kind, root, areas[r.nextInt(areas.length)], pythonPackage),
                            kind,
                            MIN_FILE,
                            MAX_FILE);
                }
                for (int i = 1 + r.nextInt(3); i > 0 && !full(); i--) {
                    add(root + "/deploy/" + Words.noun(r) + ".yaml", Kind.YAML, MIN_FILE, 48 << 10);
                }
                for (int i = 1 + r.nextInt(2); i > 0 && !full(); i--) {
                    add(root + "/.github/workflows/" + Words.fileName(r, "-") + ".yml", Kind.YAML, MIN_FILE, 16 << 10);
                }
                for (int i = r.nextInt(5); i > 0 && !full(); i--) {
                    add(root + "/fixtures/" + Words.noun(r) + "s.json", Kind.JSON, MIN_FILE, MAX_FILE);
                }
                if (!full()) {
                    add(root + "/config/" + Words.noun(r) + ".json", Kind.JSON, MIN_FILE, 32 << 10);
                }
                for (int i = r.nextInt(5); i > 0 && !full(); i--) {
                    add(root + "/docs/" + Words.fileName(r, "-") + ".md", Kind.MARKDOWN, MIN_FILE, 64 << 10);
                }
                for (int i = r.nextInt(4); i > 0 && !full(); i--) {
                    add(root + "/scripts/" + Words.fileName(r, "-") + ".sh", Kind.SHELL, MIN_FILE, 32 << 10);
                }
            }
            return new Corpus(seed, size, truthRate, nearMissRate, files);
        }

        private boolean full() {
            return planned >= size;
        }

        private String codePath(Kind kind, String root, String area, String pythonPackage) {
            return switch (kind) {
                case TYPESCRIPT -> "src/" + area + "/" + Words.fileName(r, "-") + (r.nextInt(4) == 0 ? ".tsx" : ".ts");
                case PYTHON -> pythonPackage + "/" + area + "/" + Words.fileName(r, "_") + ".py";
                case GO -> (r.nextInt(5) == 0 ? "cmd/" : "internal/") + area + "/" + Words.fileName(r, "_") + ".go";
                case JAVA ->
                    "src/main/java/com/acme/"
                            + root.substring(root.lastIndexOf('/') + 1).replace("-", "") + "/" + area + "/"
                            + Words.typeName(r) + ".java";
                default -> throw new IllegalArgumentException("not a code kind: " + kind);
            };
        }

        /** Sizes are log-uniform in [min, max]: many small files, a few large ones. */
        private void add(String path, Kind kind, int min, int max) {
            String unique = path;
            for (int n = 2; !paths.add(unique); n++) {
                int dot = path.lastIndexOf('.');
                unique = path.substring(0, dot) + "-" + n + path.substring(dot);
            }
            int fileSize = (int) Math.round(Math.exp(Math.log(min) + r.nextDouble() * (Math.log(max) - Math.log(min))));
            int truths = r.nextDouble() < truthRate ? 1 + r.nextInt(3) : 0;
            int nearMisses = r.nextDouble() < nearMissRate ? 1 + r.nextInt(4) : 0;
            files.add(new CorpusFile(unique, kind, fileSize, r.nextLong(), truths, nearMisses));
            planned += fileSize;
        }
    }
}
