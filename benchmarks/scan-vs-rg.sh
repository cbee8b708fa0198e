#!/usr/bin/env bash
# regshift scan side by side with ripgrep on the generated corpus, in one hyperfine run.
#
#   benchmarks/scan-vs-rg.sh [--corpus DIR] [--size 1G] [--seed 42] [--runs 10] [--warmup 2]
#                            [--results DIR] [--no-build] [--control] [--profile]
#
# 1. builds the CLI jar and the benchmarks jar (unless --no-build);
# 2. generates the corpus into DIR/tree (default /tmp/regshift-corpus, outside the repository),
#    or reuses it when DIR/manifest.properties names the same generator, seed, size and rates;
# 3. warms the page cache, then checks that regshift reports exactly the planted uses;
# 4. runs hyperfine over regshift (with and without .gitignore handling), rg for the deprecated
#    path pattern, and the JVM's start-up alone (regshift --version);
# 5. writes hyperfine's markdown and json and a summary with GB/s (10^9 bytes) to the results
#    directory (default benchmarks/target/scan-vs-rg) and prints the summary.
# --control also scans a control corpus (DIR/control-tree: same seed and size, nothing planted, so
# the prefilter never lets a file through): the difference is what detection costs.
# --profile also profiles one scan: with perf (Debian: linux-perf) where it is installed, as a
# breakdown by pipeline stage (benchmarks/profile-breakdown.py) plus the JIT's compile time; else
# with JDK Flight Recorder, as the hottest frames.
#
# Installs ripgrep and hyperfine with apt-get when they are missing and this runs as root.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus=/tmp/regshift-corpus
size=1G
seed=42
runs=10
warmup=2
results="$here/benchmarks/target/scan-vs-rg"
build=1
control=0
profile=0

usage() {
  sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

die() {
  echo "scan-vs-rg: $*" >&2
  exit 2
}

while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) corpus="${2:?--corpus needs a directory}"; shift 2 ;;
    --size) size="${2:?--size needs a value such as 1G}"; shift 2 ;;
    --seed) seed="${2:?--seed needs a number}"; shift 2 ;;
    --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
    --warmup) warmup="${2:?--warmup needs a number}"; shift 2 ;;
    --results) results="${2:?--results needs a directory}"; shift 2 ;;
    --no-build) build=0; shift ;;
    --control) control=1; shift ;;
    --profile) profile=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument '$1'" ;;
  esac
done

# Bytes in a size such as 1G, 512M, 64K (powers of 1024, as the generator reads them) or 1048576.
bytes_of() {
  local s="${1^^}"
  s="${s%B}"
  case "$s" in
    *K) echo $(( ${s%K} << 10 )) ;;
    *M) echo $(( ${s%M} << 20 )) ;;
    *G) echo $(( ${s%G} << 30 )) ;;
    *T) echo $(( ${s%T} << 40 )) ;;
    *[!0-9]*|'') die "--size '$1': expected a size such as 1G, 512M, 64K or 1048576" ;;
    *) echo "$s" ;;
  esac
}
size_bytes="$(bytes_of "$size")"

missing=()
command -v rg >/dev/null || missing+=(ripgrep)
command -v hyperfine >/dev/null || missing+=(hyperfine)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "scan-vs-rg: installing ${missing[*]}" >&2
    apt-get install -y "${missing[@]}" >/dev/null || { apt-get update >/dev/null && apt-get install -y "${missing[@]}" >/dev/null; }
  else
    die "needs ${missing[*]}: install them (Debian: apt-get install ${missing[*]})"
  fi
fi
command -v python3 >/dev/null || die "needs python3 to read hyperfine's results"
command -v java >/dev/null || die "needs a JDK 17 or later on the PATH"

regshift_jar="$here/migration-cli/target/regshift.jar"
bench_jar="$here/benchmarks/target/benchmarks.jar"
if [ "$build" = 1 ]; then
  echo "scan-vs-rg: building the CLI and benchmarks jars" >&2
  (cd "$here" && ./mvnw -q -B -pl migration-cli,benchmarks -am package -DskipTests) >&2
fi
[ -f "$regshift_jar" ] || die "no $regshift_jar: run without --no-build"
[ -f "$bench_jar" ] || die "no $bench_jar: run without --no-build"

if [ -e "$corpus" ] && [ ! -f "$corpus/manifest.properties" ] && [ -n "$(ls -A "$corpus" 2>/dev/null)" ]; then
  die "$corpus holds files that are not a corpus of this script: give another --corpus"
fi
mkdir -p "$corpus" "$results"
defaults="$(java -cp "$bench_jar" io.regshift.benchmarks.CorpusGenerator --version)"
generator="$(grep '^generator=' <<<"$defaults")"

# prepare TREE MANIFEST TRUTH_RATE NEAR_MISS_RATE: reuses TREE if its manifest matches, else
# generates it afresh.
prepare() {
  local tree="$1" manifest="$2" truth="$3" near="$4" want have
  want="$(printf '%s\nseed=%s\nsize=%s\ntruthRate=%s\nnearMissRate=%s' "$generator" "$seed" "$size_bytes" "$truth" "$near")"
  have="$( [ -f "$manifest" ] && grep -E '^(generator|seed|size|truthRate|nearMissRate)=' "$manifest" || true)"
  if [ -d "$tree" ] && [ "$have" = "$want" ]; then
    echo "scan-vs-rg: reusing the corpus in $tree (seed $seed, size $size)" >&2
  else
    rm -rf "$tree" "$manifest"
    echo "scan-vs-rg: generating the corpus in $tree (seed $seed, size $size)" >&2
    java -cp "$bench_jar" io.regshift.benchmarks.CorpusGenerator --out "$tree" --size "$size" --seed "$seed" \
      --truth-rate "$truth" --near-miss-rate "$near" --manifest "$manifest" >&2
  fi
}

# check TREE MANIFEST: regshift must report exactly the planted uses, in every file and byte.
check() {
  local tree="$1" manifest="$2"
  "$here/regshift" scan --no-ignore --quiet --exit-zero --format json -o "$results/regshift-report.json" "$tree"
  python3 - "$results/regshift-report.json" "$manifest" "$tree" <<'PY'
import json, sys
summary = json.load(open(sys.argv[1]))["summary"]
manifest = dict(line.strip().split("=", 1) for line in open(sys.argv[2]) if "=" in line)
planted, files, size = int(manifest["planted"]), int(manifest["files"]), int(manifest["bytes"])
problems = []
if summary["findings"] != planted:
    problems.append(f"{summary['findings']} findings, {planted} planted")
if summary["filesScanned"] != files or summary["bytesScanned"] != size:
    problems.append(f"scanned {summary['filesScanned']} files, {summary['bytesScanned']} bytes of {files} files, {size} bytes")
if summary["errors"]:
    problems.append(f"{len(summary['errors'])} errors, first: {summary['errors'][0]}")
if problems:
    sys.exit(f"scan-vs-rg: regshift does not match the corpus in {sys.argv[3]}: " + "; ".join(problems))
print(f"scan-vs-rg: regshift reports all {planted} planted uses in {sys.argv[3]}: {files} files, {size} bytes", file=sys.stderr)
PY
}

tree="$corpus/tree"
manifest="$corpus/manifest.properties"
prepare "$tree" "$manifest" "$(sed -n 's/^truthRate=//p' <<<"$defaults")" "$(sed -n 's/^nearMissRate=//p' <<<"$defaults")"
control_tree="$corpus/control-tree"
control_manifest="$corpus/control-manifest.properties"
if [ "$control" = 1 ]; then
  prepare "$control_tree" "$control_manifest" 0.0 0.0
fi

# rg -c reads every byte of every file, so one pass puts a whole tree in the page cache, faster
# than cat; hyperfine's warm-up runs follow.
echo "scan-vs-rg: warming the page cache" >&2
rg -c --no-ignore --hidden -e 'devices/(un)?revoke' "$tree" >/dev/null || true
[ "$control" = 1 ] && { rg -c --no-ignore --hidden -e 'devices/(un)?revoke' "$control_tree" >/dev/null || true; }

check "$tree" "$manifest"
[ "$control" = 1 ] && check "$control_tree" "$control_manifest"
rg_lines="$(rg -c --no-ignore --hidden -e 'devices/(un)?revoke' "$tree" | awk -F: '{n += $NF} END {print n + 0}')"

# regshift runs as users run it, through the ./regshift launcher (which also picks the JVM's
# options and its class-data archive: see the launcher); "java -jar" with the JVM's defaults is
# measured beside it.
launcher="$here/regshift"
"$launcher" --version >/dev/null # builds the launcher's class-data archive, outside the timings
scan_cmd="$launcher scan --no-ignore --quiet --exit-zero --format json -o /dev/null $tree"
scan_default_cmd="$launcher scan --quiet --exit-zero --format json -o /dev/null $tree"
scan_plain_cmd="java -jar $regshift_jar scan --no-ignore --quiet --exit-zero --format json -o /dev/null $tree"
rg_cmd="rg -c --no-ignore --hidden -e 'devices/(un)?revoke' $tree"
start_cmd="$launcher --version"
control_cmd="$launcher scan --no-ignore --quiet --exit-zero --format json -o /dev/null $control_tree"
commands=(
  -n "regshift scan --no-ignore" "$scan_cmd"
  -n "regshift scan (honours .gitignore)" "$scan_default_cmd"
  -n "java -jar regshift.jar scan --no-ignore (JVM defaults)" "$scan_plain_cmd"
  -n "rg" "$rg_cmd"
  -n "JVM start-up (regshift --version)" "$start_cmd"
)
[ "$control" = 1 ] && commands+=(-n "regshift scan --no-ignore, control corpus" "$control_cmd")

# Anything else running shares the cores: record the load, so that a noisy run can be told apart.
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine --style basic --warmup "$warmup" --runs "$runs" \
  --export-json "$results/hyperfine.json" --export-markdown "$results/hyperfine.md" "${commands[@]}" >&2
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

machine="$(
  echo "- cores: $(nproc)"
  echo "- CPU: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | sed -n 1p)"
  echo "- memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "- kernel: $(uname -sr)"
  echo "- JDK: $(java -version 2>&1 | sed -n 2p)"
  echo "- $(rg --version | sed -n 1p), $(hyperfine --version)"
  echo "- regshift: commit $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)$(
    [ -n "$(git -C "$here" status --porcelain -- migration-cli scanner core 2>/dev/null)" ] && echo ", with uncommitted changes in migration-cli, scanner or core")"
  echo "- load average (1, 5, 15 min) before hyperfine: $load_before; after: $load_after"
)"

python3 - "$results/hyperfine.json" "$manifest" "$rg_lines" "$runs" "$warmup" "$machine" \
  "$scan_cmd" "$rg_cmd" > "$results/summary.md" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))["results"]
manifest = dict(line.strip().split("=", 1) for line in open(sys.argv[2]) if "=" in line)
size, files, planted = int(manifest["bytes"]), int(manifest["files"]), int(manifest["planted"])
rg_lines, runs, warmup = (int(a) for a in sys.argv[3:6])
machine, scan_cmd, rg_cmd = sys.argv[6:9]
by = {r["command"]: r for r in data}
scan = by["regshift scan --no-ignore"]
rg = by["rg"]
start = by["JVM start-up (regshift --version)"]
gb = size / 1e9
def row(name, r, rate=True):
    rates = f"{gb / r['mean']:.2f} | {gb / r['min']:.2f}" if rate else " | "
    return (f"| {name} | {r['mean']:.3f} ± {r['stddev']:.3f} | {r['min']:.3f} | {r['max']:.3f} | "
            f"{r['user'] + r['system']:.2f} | {rates} |")
ratio = scan["mean"] / rg["mean"]
warm = scan["mean"] - start["mean"]
print(f"Corpus: {files} files, {size} bytes ({size / 2**30:.2f} GiB); {planted} planted uses, all reported; "
      f"rg matched {rg_lines} lines.")
print(f"hyperfine: {warmup} warm-up and {runs} measured runs per command, page cache warm.")
print()
print("| command | wall s, mean ± σ | min s | max s | CPU s (user + sys), mean | GB/s (mean) | GB/s (min) |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
for r in data:
    print(row(r["command"], r, rate=not r["command"].startswith("JVM")))
print()
print(f"- regshift throughput: {gb / scan['mean']:.2f} GB/s wall clock, JVM start included "
      f"({gb / scan['min']:.2f} GB/s in its fastest run); goal at least 1 GB/s: "
      + ("met" if gb / scan["mean"] >= 1 else "NOT met"))
print(f"- regshift / rg wall time: {ratio:.2f}x on means ({scan['min'] / rg['min']:.2f}x on minimums); goal at most 2x: "
      + ("met" if ratio <= 2 else "NOT met"))
print(f"- regshift / rg CPU time: {(scan['user'] + scan['system']) / (rg['user'] + rg['system']):.1f}x")
print(f"- less the JVM's start-up ({start['mean']:.3f} s): {warm:.3f} s, {gb / warm:.2f} GB/s, {warm / rg['mean']:.2f}x rg")
control = by.get("regshift scan --no-ignore, control corpus")
if control:
    print(f"- control corpus (nothing for detection to do): {control['mean']:.3f} s; detection adds "
          f"{scan['mean'] - control['mean']:.3f} s on the means")
print()
print("Commands:")
print()
print(f"    {scan_cmd}")
print(f"    {rg_cmd}")
print()
print("Machine:")
print()
print(machine)
PY
echo >&2
cat "$results/summary.md"

if [ "$profile" = 1 ]; then
  echo >&2
  scan_args=(scan --no-ignore --quiet --exit-zero --format json -o /dev/null "$tree")
  if command -v perf >/dev/null && perf record -q -e cpu-clock -o /dev/null -- true 2>/dev/null; then
    echo "scan-vs-rg: profiling one scan with perf (all threads, JIT frames named through a perf map)" >&2
    maps_before="$(ls /tmp/perf-*.map 2>/dev/null || true)"
    REGSHIFT_JAVA_OPTS="-XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit -XX:+PreserveFramePointer" \
      perf record -q -F 999 -g -e cpu-clock -o "$results/perf.data" -- "$here/regshift" "${scan_args[@]}" 2>/dev/null
    perf script -i "$results/perf.data" -F comm,ip,sym 2>/dev/null > "$results/perf-script.txt"
    # The JVM's perf map is only needed by perf script; remove the one this run wrote.
    for map in /tmp/perf-*.map; do
      if [ -e "$map" ] && ! grep -qxF "$map" <<<"$maps_before"; then rm -f "$map"; fi
    done
    python3 "$here/benchmarks/profile-breakdown.py" "$results/perf-script.txt" | tee "$results/profile.md"
    echo >&2
    echo "scan-vs-rg: JIT compilation in one scan (-XX:+CITime):" >&2
    REGSHIFT_JAVA_OPTS="-XX:+UnlockDiagnosticVMOptions -XX:+CITime" "$here/regshift" "${scan_args[@]}" \
      | grep -E '^  (C1|C2) \{|Total compilation' | sed -E 's/; nmethods.*//' | tee -a "$results/profile.md"
  else
    echo "scan-vs-rg: profiling one scan with JDK Flight Recorder (perf is not available)" >&2
    rm -f "$results/scan.jfr"
    REGSHIFT_JAVA_OPTS="-XX:StartFlightRecording=filename=$results/scan.jfr,settings=profile" \
      "$here/regshift" "${scan_args[@]}" 2>/dev/null
    jfr print --stack-depth 64 --events jdk.ExecutionSample "$results/scan.jfr" > "$results/samples.txt"
    {
      echo "Top frames (where the CPU was when sampled; Java code only, no JIT or GC threads):"
      awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); print}' "$results/samples.txt" \
        | sort | uniq -c | sort -rn | head -25
    } | tee "$results/profile.md"
  fi
fi
