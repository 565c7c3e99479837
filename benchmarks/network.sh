#!/usr/bin/env bash
# Rein's feed-forward network on Fashion-MNIST (784-256-128-10, ReLU, Adam at 0.001, batch 128), side by side in
# one run with scikit-learn's MLPClassifier and DL4J (same layers, batch and solver), plus the matrix-product
# comparison that chose netlib BLAS. Writes benchmarks/results/network-<part>-<time>.jsonl; BENCHMARKS.md section 4
# is written by hand from it. Run each part under the machine's CPU lock when others share it:
#
#   flock /work/cpu.lock benchmarks/network.sh speed      # s/epoch and accuracy of every tool and spec, --epochs
#                                                          # each (default 15; about 10 minutes on 2 idle cores)
#   flock /work/cpu.lock benchmarks/network.sh long       # the full spec as a user runs it: early stopping within
#                                                          # --long-epochs (default 60), and the plain network as long
#   flock /work/cpu.lock benchmarks/network.sh noise      # the same two with 20 % of the training labels replaced
#   flock /work/cpu.lock benchmarks/network.sh turns      # sklearn and Rein (no regularization) in turns, --rounds
#                                                          # times (default 3) at --epochs each (default here 6): the
#                                                          # machine's speed drifts within minutes (BENCHMARKS.md 4e)
#   flock /work/cpu.lock benchmarks/network.sh accuracy   # accuracy at --long-epochs with --lr-schedule (default
#                                                          # cosine): none, l2, dropout, batch_norm and the full spec,
#                                                          # the same options each; --only NAMES (comma-separated,
#                                                          # of none,l2,dropout,batch_norm,full) runs a subset, so the
#                                                          # part can be split over two lock holds (~3 min a spec)
#   benchmarks/network.sh speed --epochs 2 --skip-dl4j    # a smoke test
#
# Needs Java 17, Maven (to build Rein and, unless --skip-dl4j, benchmarks/dl4j, which downloads DL4J with
# nd4j-native for linux-x86_64-avx2 on first use, about 240 MB), /usr/bin/python3 with scikit-learn (Debian:
# python3-sklearn) and the IDX files in /usr/share/datasets/fashion-mnist (Debian: dataset-fashion-mnist).
# MAVEN_ARGS is passed to both builds (e.g. MAVEN_ARGS="-Dmaven.repo.local=/some/repository").
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
part="${1:-}"
case "$part" in
  speed|long|noise|turns|accuracy) shift ;;
  -h|--help) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "network.sh: the first argument is the part: speed, long, noise, turns or accuracy (--help for more)" >&2; exit 2 ;;
esac
epochs=$([ "$part" = turns ] && echo 6 || echo 15)
long=60
rounds=3
dl4j=1
schedule=cosine
only=none,l2,dropout,batch_norm,full
while [ $# -gt 0 ]; do
  case "$1" in
    --epochs) epochs="$2"; shift ;;
    --long-epochs) long="$2"; shift ;;
    --rounds) rounds="$2"; shift ;;
    --skip-dl4j) dl4j=0 ;;
    --lr-schedule) schedule="$2"; shift ;;
    --only) only="$2"; shift ;;
    *) echo "network.sh: unknown option '$1'; valid: --epochs N, --long-epochs N, --rounds N, --skip-dl4j, --lr-schedule S, --only NAMES, --help" >&2; exit 2 ;;
  esac
  shift
done
DIR=/usr/share/datasets/fashion-mnist
# The full spec: batch normalization then dropout after each hidden layer (Keras' Dense -> BatchNormalization ->
# Dropout order), decoupled L2, early stopping on validation accuracy (10 % of the training set held out) with
# patience 10: best epochs came at 19-32 (BENCHMARKS.md 4d).
# Part accuracy runs it with cosine annealing over the 60 epochs (BENCHMARKS.md 4g: 0.9007 on the test set, the
# model of epoch 60, early stopping choosing on the validation split only).
FULL="batch_norm + dropout(p=0.2) + l2(lambda=1e-4) + early_stopping(patience=10, metric=accuracy)"
mvn_quiet() { mvn -B -q -Dstyle.color=never ${MAVEN_ARGS:-} "$@" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2; }
CP="$root/samples/target/rein-cli.jar"
[ -f "$CP" ] || (cd "$root" && mvn_quiet -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true package)
DL4J="$here/dl4j/target/dl4j-mlp.jar"
if [ "$part" = speed ] && [ "$dl4j" = 1 ] && [ ! -f "$DL4J" ]; then
  mvn_quiet -f "$here/dl4j/pom.xml" package
fi
out="$here/results/network-$part-$(date -u +%Y%m%dT%H%M%SZ).jsonl"
mkdir -p "$here/results"
load() { cut -d' ' -f1-3 /proc/loadavg; }
bench() { java -cp "$CP" dev.rein.samples.bench.BenchCli "$@" 2> >(grep -v 'VectorBLAS\|InstanceBuilder' >&2); }
# One JSON line of a tool that prints its own, with the load average after it.
tagged() { "$@" | sed "s/}\$/, \"load_average\": \"$(load)\"}/" | tee -a "$out"; }

echo "## $part: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u), load before: $(load)" >&2
case "$part" in
  speed)
    bench products --reps 30 --out "$out"
    tagged /usr/bin/python3 "$here/mlp_sklearn.py" --dir "$DIR" --epochs "$epochs"
    if [ "$dl4j" = 1 ]; then
      # nd4j's OpenMP threads with OpenBLAS's on 2 cores: one OpenMP thread was 3x faster than its default here.
      OMP_NUM_THREADS=1 tagged java -jar "$DL4J" --dir "$DIR" --epochs "$epochs" --double
      OMP_NUM_THREADS=1 tagged java -jar "$DL4J" --dir "$DIR" --epochs "$epochs"
      OMP_NUM_THREADS=1 tagged java -jar "$DL4J" --dir "$DIR" --epochs "$epochs" --batch-norm
      tagged java -jar "$DL4J" --dir "$DIR" --epochs "$epochs"
    fi
    bench network --dir "$DIR" --epochs "$epochs" --out "$out" \
      --spec none \
      --spec "l2(lambda=1e-4)" \
      --spec "dropout(p=0.2)" \
      --spec "batch_norm" \
      --spec "$FULL"
    ;;
  long)
    bench network --dir "$DIR" --epochs "$long" --out "$out" --spec "$FULL" --spec none
    ;;
  noise)
    bench network --dir "$DIR" --epochs "$long" --label-noise 0.2 --out "$out" --spec "$FULL" --spec none
    ;;
  accuracy)
    IFS=, read -ra names <<< "$only"
    for name in "${names[@]}"; do
      case "$name" in
        none) text=none ;;
        l2) text="l2(lambda=1e-4)" ;;
        dropout) text="dropout(p=0.2)" ;;
        batch_norm) text=batch_norm ;;
        full) text="$FULL" ;;
        *) echo "network.sh: --only takes none, l2, dropout, batch_norm, full; not '$name'" >&2; exit 2 ;;
      esac
      bench network --dir "$DIR" --epochs "$long" --lr-schedule "$schedule" --out "$out" --spec "$text"
    done
    ;;
  turns)
    for round in $(seq 1 "$rounds"); do
      tagged /usr/bin/python3 "$here/mlp_sklearn.py" --dir "$DIR" --epochs "$epochs"
      bench network --dir "$DIR" --epochs "$epochs" --out "$out" --spec none
    done
    ;;
esac
echo "load after: $(load); results in $out" >&2
