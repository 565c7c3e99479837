#!/usr/bin/env bash
# How much faster a sweep runs with its trials in parallel: each sweep below runs twice in the same session, with
# --threads 1 and with one thread per core, and the two runs' trials must agree in every number but the times.
# Rewrites section 5 of BENCHMARKS.md (between its markers) with the wall times, their ratio and the machine.
#
#   benchmarks/sweep.sh           # about 5 minutes on 2 cores
#   benchmarks/sweep.sh --quick   # the small CSV sweep only, under a minute
#
# Needs Java 17, Maven (to build rein-cli.jar if missing) and, without --quick, the IDX files in
# /usr/share/datasets/fashion-mnist (Debian: dataset-fashion-mnist; installed here if missing and apt-get works).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
quick=0
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "sweep.sh: unknown option '$1'; valid: --quick, --help" >&2; exit 2 ;;
  esac
  shift
done
FASHION=/usr/share/datasets/fashion-mnist
if [ $quick = 0 ] && [ ! -f "$FASHION/train-images-idx3-ubyte.gz" ]; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get install -y -q dataset-fashion-mnist >&2
fi
JAR="$root/samples/target/rein-cli.jar"
[ -f "$JAR" ] || "$root/rein" --version >/dev/null
cores=$(nproc)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u '+%Y-%m-%d %H:%M UTC')

rows=()
# measure NAME ARGS...: the sweep at --threads 1 and --threads $cores; appends a table row.
measure() {
  local name="$1"; shift
  local t
  for t in 1 "$cores"; do
    local start end
    start=$(date +%s.%N)
    java -jar "$JAR" sweep "$@" --threads "$t" --json > "$work/$t.out" 2> "$work/$t.err" || {
      cat "$work/$t.err" >&2; exit 1; }
    end=$(date +%s.%N)
    /usr/bin/python3 -c "print($end - $start)" > "$work/$t.seconds"
  done
  /usr/bin/python3 - "$work" "$cores" "$name" "$*" <<'EOF' >> "$work/rows"
import json, sys
work, cores, name, args = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
import re
def load(t):
    lines = open(f"{work}/{t}.out").read().strip().splitlines()
    trials = json.loads(lines[-1])["trials"]
    for trial in trials:
        trial.pop("seconds"); trial.pop("train_seconds")
    took = next(float(m.group(1)) for m in (re.match(r"trials took ([0-9.]+) s", l) for l in lines) if m)
    return trials, float(open(f"{work}/{t}.seconds").read()), took
one, s1, p1 = load(1)
many, sn, pn = load(cores)
same = "yes" if one == many else "**no**"
print(f"| {name} | `{args}` | {len(one)} | {s1:.1f} | {sn:.1f} | {s1 / sn:.2f}× | {p1:.1f} | {pn:.1f} | **{p1 / pn:.2f}×** | {same} |")
EOF
  echo "done: $name" >&2
}

measure "linear, small CSV, 5-fold" --data "$root/samples/data/train.csv" \
  --spec "l1(lambda=1e-6..1e-1 log 12)" --folds 5 --epochs 20
if [ $quick = 0 ]; then
  measure "linear, Fashion-MNIST" --data "$FASHION" --spec "l1(lambda=1e-6..1e-3 log 4)" --epochs 1
  measure "mlp 784-64-10, Fashion-MNIST" --model mlp --layers 64 --data "$FASHION" \
    --spec "dropout(p=[0.1, 0.2, 0.3, 0.4])" --epochs 1
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

section="$work/section.md"
{
  echo "<!-- sweep section: written by benchmarks/sweep.sh; report.py keeps it as it is -->"
  echo "## 5. Sweeps: trials in parallel (issue 11)"
  echo
  echo "Produced by \`benchmarks/sweep.sh$([ $quick = 1 ] && echo ' --quick')\` on $started: each sweep run twice in"
  echo "one session, with \`--threads 1\` and \`--threads $cores\` (one per core): the wall time of the whole command (JVM"
  echo "start and reading the data included, the same in both) and of the trials alone (the sweep's own \"trials took\""
  echo "line). Machine: $cores cores,"
  echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $load_before before and"
  echo "$load_after after. \"Same trials\": every number of every trial but the times is equal in the two runs."
  echo
  echo "| sweep | options | trials | whole command, 1 thread, s | $cores threads, s | speed-up | trials alone, 1 thread, s | $cores threads, s | speed-up | same trials |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---|"
  cat "$work/rows"
  echo
  echo "<!-- end of sweep section -->"
} > "$section"
cat "$section"
/usr/bin/python3 - "$root/BENCHMARKS.md" "$section" <<'EOF'
import sys
path, section = sys.argv[1], open(sys.argv[2]).read()
start = "<!-- sweep section:"
end = "<!-- end of sweep section -->"
text = open(path).read()
if start in text:
    a = text.index(start)
    b = text.index(end, a) + len(end) + 1
    text = text[:a] + section + text[b:]
else:
    jmh = text.find("<!-- JMH section:")
    text = (text[:jmh] + section + "\n" + text[jmh:]) if jmh >= 0 else text.rstrip("\n") + "\n\n" + section
open(path, "w").write(text)
EOF
echo "BENCHMARKS.md section 5 rewritten" >&2
