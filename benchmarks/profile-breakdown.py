#!/usr/bin/env python3
"""Where a regshift scan spends its CPU: reads `perf script -F comm,ip,sym` output of a run made
with -XX:+DumpPerfMapAtExit, and puts each sample in one bucket, decided by the first frame from the
leaf up that names a pipeline stage (so kernel and stub frames count for the Java code that called
them). JIT compiler and GC threads are buckets of their own. Used by scan-vs-rg.sh --profile.

    python3 benchmarks/profile-breakdown.py perf-script.txt [--examples BUCKET]
"""
import collections
import sys

BUCKETS = [
    ("detect: regex matching", ["java.util.regex"]),
    ("detect: candidate regions, overlap resolution", ["Detector.candidateRegions", "Detector.resolve", "closingParenthesis"]),
    ("prefilter: String.indexOf of the needle", ["Detector.mayMatch", "StringLatin1.indexOf"]),
    ("read: Latin-1 String of each window (copy, page faults)", ["String.<init>", "StringLatin1.newString", "Arrays.copyOfRange"]),
    ("read: binary sniff", ["Searcher.isBinary"]),
    ("read: read(2), temporary direct buffer, copy to heap", ["ChannelInputStream.read", "IOUtil.read", "FileDispatcherImpl.read",
                                                              "Searcher.readFully", "Util.getTemporaryDirectBuffer"]),
    ("read: open and close (channel, Cleaner)", ["Files.newInputStream", "newByteChannel", "UnixChannelFactory", "FileChannelImpl.<init>",
                                                 "implCloseChannel", "FileDispatcherImpl.close", "ChannelInputStream.close", "PhantomCleanable",
                                                 "Cleaner", "UnixNativeDispatcher.open", "FileChannelImpl.open"]),
    ("walk: JGit ignore checks", ["jgit"]),
    ("walk: readdir, lstat, Path and String work", ["FileTreeWalker", "UnixDirectoryStream", "Walker$Visit", "Walker.walk", "UnixPath",
                                                    "UnixFileAttributes", "walkFileTree", "UnixNativeDispatcher.lstat",
                                                    "UnixNativeDispatcher.readdir", "UnixNativeDispatcher.stat"]),
    ("thread pool: queue, hand-off, park", ["ThreadPoolExecutor", "ArrayBlockingQueue", "LockSupport", "Unsafe.park", "ConcurrentLinkedQueue"]),
    ("read: other per-file code (inlined)", ["SourceReader", "Searcher", "LineCounter", "FindingCollector", "Scanner.read", "ArtifactReader", "Scanner$1"]),
    ("report: sort, fingerprints, JSON", ["Scanner.fingerprinted", "JsonReport", "Json.write", "Scanner.scan"]),
    ("start-up: class loading, picocli, rule compilation", ["picocli", "ClassLoader", "SystemDictionary", "ClassFileParser", "ZipFile",
                                                           "JavaMain", "io.regshift.cli", "Catalog", "RuleSet", "Detector.<init>",
                                                           "Pattern.compile", "Threads::create_vm", "MethodHandle", "Lambda"]),
]


def samples(path):
    current = None
    for line in open(path, errors="replace"):
        if not line.strip():
            if current:
                yield current
            current = None
        elif not line.startswith((" ", "\t")):
            current = (line.strip(), [])
        elif current is not None:
            parts = line.strip().split(None, 1)
            current[1].append(parts[1] if len(parts) > 1 else parts[0])
    if current:
        yield current


def bucket(thread, frames):
    if thread.startswith(("C2 Compiler", "C1 Compiler")):
        return "JIT compiler threads (C1, C2)"
    if thread.startswith(("GC Thread", "G1")):
        return "GC threads"
    if thread.startswith(("VM Thread", "VM Periodic")):
        return "VM thread"
    for frame in frames:
        for name, keys in BUCKETS:
            if any(k in frame for k in keys):
                return name
    if "Interpreter" in frames:
        return "interpreted code, caller unknown"
    return "other (kernel or native, caller unknown)"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    all_samples = list(samples(sys.argv[1]))
    counts = collections.Counter(bucket(t, f) for t, f in all_samples)
    n = len(all_samples) or 1
    print(f"{len(all_samples)} samples")
    print("| where | samples | share |")
    print("| --- | ---: | ---: |")
    for name, k in counts.most_common():
        print(f"| {name} | {k} | {100 * k / n:.1f}% |")
    if len(sys.argv) > 3 and sys.argv[2] == "--examples":
        stacks = collections.Counter(" < ".join(f[:4]) for t, f in all_samples if bucket(t, f) == sys.argv[3])
        for stack, k in stacks.most_common(12):
            print(f"{k:6d} {stack}")


if __name__ == "__main__":
    main()
