#!/usr/bin/env bash
# Rein's feed-forward network on Fashion-MNIST (784-256-128-10, ReLU, Adam at 0.001, batch 128), side by side in
# one run with scikit-learn's MLPClassifier (same layers, batch and solver), plus the matrix-product comparison
# that chose netlib BLAS. Writes benchmarks/results/network-<time>.jsonl and prints a Markdown section for
# BENCHMARKS.md.
#
#   benchmarks/network.sh              # 15 epochs per spec (about 15-25 minutes on 2 idle cores)
#   benchmarks/network.sh --epochs 3   # a smoke test
#
# Needs Java 17, Maven (to build), /usr/bin/python3 with scikit-learn (Debian: python3-sklearn) and the IDX files
# in /usr/share/datasets/fashion-mnist (Debian: dataset-fashion-mnist).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
epochs=15
while [ $# -gt 0 ]; do
  case "$1" in
    --epochs) epochs="$2"; shift ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "network.sh: unknown option '$1'; valid: --epochs N, --help" >&2; exit 2 ;;
  esac
  shift
done
DIR=/usr/share/datasets/fashion-mnist
CP="$root/samples/target/rein-cli.jar"
[ -f "$CP" ] || "$root/rein" --version >/dev/null
out="$here/results/network-$(date -u +%Y%m%dT%H%M%SZ).jsonl"
mkdir -p "$here/results"
bench() { java -cp "$CP" dev.rein.samples.bench.BenchCli "$@" 2> >(grep -v 'VectorBLAS\|InstanceBuilder' >&2); }

echo "## machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
bench products --reps 30 --out "$out"
/usr/bin/python3 "$here/mlp_sklearn.py" --dir "$DIR" --epochs "$epochs" | tee -a "$out"
bench network --dir "$DIR" --epochs "$epochs" --out "$out" \
  --spec none \
  --spec "l2(lambda=1e-4)" \
  --spec "dropout(p=0.2)" \
  --spec "batch_norm" \
  --spec "dropout(p=0.2) + batch_norm + l2(lambda=1e-4) + early_stopping(patience=4, metric=accuracy)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); results in $out" >&2
