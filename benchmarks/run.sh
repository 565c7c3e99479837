#!/usr/bin/env bash
# Rein's benchmark suite: one command, everything side by side on this machine, results in BENCHMARKS.md.
#
#   benchmarks/run.sh            # the full run (about 15-20 minutes on 2 cores)
#   benchmarks/run.sh --quick    # smaller data, fewer repetitions (about 3 minutes): a smoke test of the suite
#   benchmarks/run.sh --baseline REV   # also part 1 with Rein built at commit REV, side by side: before/after
#   benchmarks/run.sh --parts "adagrad wide" --append benchmarks/results/full-....jsonl
#                                # runs only those parts (of: overhead adagrad users quality wide) and adds them to an
#                                # earlier run's results, whose rows for the same task and spec they replace
#
# 1. Overhead: Tribuo's LinearSGDTrainer unregularized vs with Rein's l2, l1, elastic_net (and max_norm on
#    Fashion-MNIST only: it runs eagerly, see BENCHMARKS.md), on Fashion-MNIST and on a generated sparse set
#    (1,000,000 features, 100,000 examples, 50 non-zeros each).
#    1f: users' own penalties (the sample cauchy plugin, log_cosh and pseudo_huber from benchmarks/user-plugins)
#    under sgd and adagrad on both sets.
# 2. Quality and speed against scikit-learn's SGDClassifier and liblinear, on Fashion-MNIST (10 classes) and on
#    its class 0 against the rest, where the L2-regularized objective each tool reaches is computed one way.
# 3. Sparsity: L1 on a generated wide set (fewer examples than features, few informative) for every optimiser ×
#    mode, beside liblinear -s 6 and scikit-learn (saga, SGDClassifier); the learning rates behind the defaults.
#
# Installs what is missing from Debian (python3-sklearn, liblinear-tools, dataset-fashion-mnist), builds Rein
# if needed (through ./rein), caches the prepared data in benchmarks/.cache and the raw results (JSON lines) in
# benchmarks/results. Not part of CI.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
quick=0
baseline=""
parts="overhead adagrad users quality wide"
append=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --baseline)
      [ $# -ge 2 ] || { echo "run.sh: --baseline needs a commit, e.g. --baseline 90607e3" >&2; exit 2; }
      baseline="$2"; shift ;;
    --parts)
      [ $# -ge 2 ] || { echo "run.sh: --parts needs a list, e.g. --parts \"adagrad wide\"" >&2; exit 2; }
      parts="$2"; shift ;;
    --append)
      [ $# -ge 2 ] && [ -f "$2" ] || { echo "run.sh: --append needs the results file of an earlier run" >&2; exit 2; }
      append="$2"; shift ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option '$1'; valid: --quick, --baseline REV, --parts LIST, --append FILE, --help" >&2
       exit 2 ;;
  esac
  shift
done

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# --- what the suite needs ------------------------------------------------------------------------------------
PY=/usr/bin/python3
FASHION_DIR=/usr/share/datasets/fashion-mnist
missing=()
"$PY" -c 'import sklearn' >/dev/null 2>&1 || missing+=(python3-sklearn)
if ! command -v liblinear-train >/dev/null 2>&1 && ! command -v train >/dev/null 2>&1; then
  missing+=(liblinear-tools)
fi
[ -f "$FASHION_DIR/train-images-idx3-ubyte.gz" ] || missing+=(dataset-fashion-mnist)
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing from Debian: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
fi
if command -v liblinear-train >/dev/null 2>&1; then LL_TRAIN=liblinear-train; else LL_TRAIN=train; fi

log "building Rein if needed"
"$root/rein" --version >/dev/null
built=$(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- . ':!BENCHMARKS.md' || echo "+changes")
CP="$root/samples/target/rein-cli.jar"   # the executable jar holds the benchmark drivers too
bench() { java -Xmx6g -cp "$CP" dev.rein.samples.bench.BenchCli "$@"; }

# --baseline REV: Rein as it was at REV, built once into benchmarks/.cache, for part 1 side by side with this tree.
BASE_CP=""
if [ -n "$baseline" ]; then
  base_sha=$(git -C "$root" rev-parse --short "$baseline^{commit}") \
    || { echo "run.sh: --baseline '$baseline' is not a commit of this repository" >&2; exit 2; }
  base_dir="$here/.cache/baseline-$base_sha"
  if [ ! -d "$base_dir" ]; then
    log "building the baseline $base_sha in $base_dir"
    mkdir -p "$here/.cache"
    git -C "$root" archive --format=tar --prefix=baseline/ "$base_sha" | tar -x -C "$here/.cache"
    mv "$here/.cache/baseline" "$base_dir"
    # Package only: no tests, and no invoker run (it would install the baseline's snapshots over this tree's).
    (cd "$base_dir" && mvn -B -q -DskipTests -Dinvoker.skip=true -Dmaven.javadoc.skip=true -Dmaven.source.skip=true \
      package) >&2
  fi
  if [ -f "$base_dir/samples/target/rein-cli.jar" ]; then
    BASE_CP="$base_dir/samples/target/rein-cli.jar"
  else
    BASE_CP="$base_dir/samples/target/rein-samples-0.1.0-SNAPSHOT.jar:$base_dir/samples/target/lib/*"
  fi
fi
bench_baseline() { java -Xmx6g -cp "$BASE_CP" dev.rein.samples.bench.BenchCli "$@"; }

# --- sizes ---------------------------------------------------------------------------------------------------
if [ "$quick" -eq 1 ]; then
  MODE=quick; FASHION_N=10000; FASHION_TEST=2000; SPARSE_N=20000; SPARSE_TEST=2000
  REPS=2; WARMUP=1; QREPS=1; QEPOCHS=3; BUDGET=8
else
  MODE=full; FASHION_N=60000; FASHION_TEST=10000; SPARSE_N=100000; SPARSE_TEST=10000
  REPS=5; WARMUP=1; QREPS=3; QEPOCHS=5; BUDGET=30
fi
SPARSE_FEATURES=1000000; SPARSE_NNZ=50
OVERHEAD_EPOCHS=1           # one pass over the data per timed run
LR=0.1                      # part 1: Tribuo sgd-sqrt-decay eta0/sqrt(t)
ADAGRAD_LR=0.25             # part 1 under AdaGrad: the command line's default rate
QLR=1.0                     # part 2: eta0/sqrt(t) for Rein and sklearn invscaling (power_t=0.5) alike; the best
                            # of 0.05, 0.1, 0.3, 1.0 for Rein's test accuracy in a trial run (docs/NOTES.md)
LAMBDA=1e-4                 # Fashion-MNIST: Rein lambda == sklearn alpha == 1/(C n) for liblinear
LAMBDA2=2e-4                # Rein's two-row softmax on the binary task: see BENCHMARKS.md
SPARSE_LAMBDA=1e-6
L1_RATIO=0.5
WIDE_TRAIN=500; WIDE_TEST=2000; WIDE_FEATURES=5000; WIDE_INFORMATIVE=10
WIDE_LAMBDA=0.03            # part 3: the L1 strength for every tool (liblinear and saga: C = 1/(lambda n))
DEFAULT_EPOCHS=10           # rein train's default

cache="$here/.cache"; mkdir -p "$cache" "$here/results"
results="${append:-$here/results/$MODE-$(date +%Y%m%d-%H%M%S).jsonl}"
want() { [[ " $parts " == *" $1 "* ]]; }
models="$here/results/$MODE-models"; rm -rf "$models"; mkdir -p "$models"
started=$(date +%s)

log "preparing data in $cache"
fashion="$cache/fashion-$FASHION_N"
sparse="$cache/sparse-$SPARSE_N"
bench fashion --dir "$FASHION_DIR" --limit "$FASHION_N" --test-limit "$FASHION_TEST" --out-prefix "$fashion" >&2
bench sparse --train "$SPARSE_N" --test "$SPARSE_TEST" --features "$SPARSE_FEATURES" --nonzeros "$SPARSE_NNZ" \
  --seed 42 --out-prefix "$sparse" >&2
wide="$cache/wide-$WIDE_TRAIN-$WIDE_FEATURES"
[ -f "$wide-test.libsvm" ] || "$PY" "$here/wide.py" --train "$WIDE_TRAIN" --test "$WIDE_TEST" \
  --features "$WIDE_FEATURES" --informative "$WIDE_INFORMATIVE" --seed 7 --out-prefix "$wide"

# Part 1 as functions of the build, so that --baseline runs the same commands on the old build too, each part on
# the old build right before the new one.
overhead_dense() {
  local run="$1" suffix="$2"
  log "1a. overhead on Fashion-MNIST${suffix:+ ($suffix)}"
  "$run" train --task "overhead-dense$suffix" --train "$fashion-train.libsvm" --test "$fashion-test.libsvm" \
    --spec none --spec "l2(lambda=$LAMBDA)" --spec "l1(lambda=$LAMBDA)" \
    --spec "elastic_net(lambda=$LAMBDA, l1_ratio=$L1_RATIO)" --spec "max_norm(c=1)" \
    --spec "l1(lambda=$LAMBDA, mode=cumulative)" --spec "elastic_net(lambda=$LAMBDA, l1_ratio=$L1_RATIO, mode=cumulative)" \
    --reps "$REPS" --warmup "$WARMUP" --epochs "$OVERHEAD_EPOCHS" --optimiser sgd-sqrt-decay --learning-rate "$LR" \
    --budget "$BUDGET" --out "$results" >&2
}
overhead_sparse() {
  local run="$1" suffix="$2"
  log "1b. overhead on the generated sparse set${suffix:+ ($suffix)}"
  "$run" train --task "overhead-sparse$suffix" --train "$sparse-train.libsvm" --test "$sparse-test.libsvm" \
    --spec none --spec "l2(lambda=$SPARSE_LAMBDA)" --spec "l1(lambda=$SPARSE_LAMBDA)" \
    --spec "elastic_net(lambda=$SPARSE_LAMBDA, l1_ratio=$L1_RATIO)" --spec "max_norm(c=1)" \
    --spec "l1(lambda=$SPARSE_LAMBDA, mode=cumulative)" \
    --reps "$REPS" --warmup "$WARMUP" --epochs "$OVERHEAD_EPOCHS" --optimiser sgd-sqrt-decay --learning-rate "$LR" \
    --budget "$BUDGET" --out "$results" >&2
}
if want overhead; then
[ -z "$baseline" ] || overhead_dense bench_baseline "-baseline"
overhead_dense bench ""
[ -z "$baseline" ] || overhead_sparse bench_baseline "-baseline"
overhead_sparse bench ""
fi

if want adagrad; then
# Part 1 under AdaGrad, Tribuo's default optimiser and the command line's: mode=auto takes proximal steps in its
# metric (each weight its own step size), lazily on sparse data; against unregularized AdaGrad in the same run.
log "1d. overhead under AdaGrad on Fashion-MNIST"
bench train --task overhead-dense-adagrad --train "$fashion-train.libsvm" --test "$fashion-test.libsvm" \
  --spec none --spec "l2(lambda=$LAMBDA)" --spec "l1(lambda=$LAMBDA)" \
  --spec "elastic_net(lambda=$LAMBDA, l1_ratio=$L1_RATIO)" --spec "max_norm(c=1)" \
  --reps "$REPS" --warmup "$WARMUP" --epochs "$OVERHEAD_EPOCHS" --optimiser adagrad --learning-rate "$ADAGRAD_LR" \
  --budget "$BUDGET" --out "$results" >&2
log "1e. overhead under AdaGrad on the generated sparse set"
bench train --task overhead-sparse-adagrad --train "$sparse-train.libsvm" --test "$sparse-test.libsvm" \
  --spec none --spec "l2(lambda=$SPARSE_LAMBDA)" --spec "l1(lambda=$SPARSE_LAMBDA)" \
  --spec "elastic_net(lambda=$SPARSE_LAMBDA, l1_ratio=$L1_RATIO)" --spec "max_norm(c=1)" \
  --reps "$REPS" --warmup "$WARMUP" --epochs "$OVERHEAD_EPOCHS" --optimiser adagrad --learning-rate "$ADAGRAD_LR" \
  --budget "$BUDGET" --out "$results" >&2

# FTRL in the same tables: its rows are compared with unregularized AdaGrad (1d/1e's first row, the same data and run).
log "1f. overhead under FTRL on Fashion-MNIST"
bench train --task overhead-dense-ftrl --train "$fashion-train.libsvm" --test "$fashion-test.libsvm" \
  --spec none --spec "l2(lambda=$LAMBDA)" --spec "l1(lambda=$LAMBDA)" \
  --spec "elastic_net(lambda=$LAMBDA, l1_ratio=$L1_RATIO)" --spec "max_norm(c=1)" \
  --reps "$REPS" --warmup "$WARMUP" --epochs "$OVERHEAD_EPOCHS" --optimiser ftrl \
  --budget "$BUDGET" --out "$results" >&2
log "1g. overhead under FTRL on the generated sparse set"
bench train --task overhead-sparse-ftrl --train "$sparse-train.libsvm" --test "$sparse-test.libsvm" \
  --spec none --spec "l2(lambda=$SPARSE_LAMBDA)" --spec "l1(lambda=$SPARSE_LAMBDA)" \
  --spec "elastic_net(lambda=$SPARSE_LAMBDA, l1_ratio=$L1_RATIO)" --spec "max_norm(c=1)" \
  --reps "$REPS" --warmup "$WARMUP" --epochs "$OVERHEAD_EPOCHS" --optimiser ftrl \
  --budget "$BUDGET" --out "$results" >&2
fi
if want users; then
# Part 1 for users' own penalties: the sample Cauchy plugin and two of other shapes (benchmarks/user-plugins), each
# built by rein-processor as any user's plugin is and loaded from a plugin folder; no closed form, so sparse data
# catches them up by their gradient flow. Under plain SGD and AdaGrad, against unregularized training in the same run.
log "1h. users' penalties (cauchy, log_cosh, pseudo_huber) under sgd and adagrad"
userplugins="$cache/user-plugins"; mkdir -p "$userplugins"
(cd "$root" && mvn -B -q install -DskipTests) >&2
(cd "$root/samples/external-plugin" && mvn -B -q package -DskipTests) >&2
(cd "$here/user-plugins" && mvn -B -q package) >&2
cp "$root/samples/external-plugin/target/cauchy-regularizer-1.0.0.jar" \
  "$here/user-plugins/target/bench-user-penalties-1.0.0.jar" "$userplugins/"
bench_users() { java -Xmx6g -Drein.plugins="$userplugins" -cp "$CP" dev.rein.samples.bench.BenchCli "$@"; }
for opt in sgd adagrad; do
  rate=$LR; [ "$opt" = sgd ] || rate=$ADAGRAD_LR
  bench_users train --task "users-dense-$opt" --train "$fashion-train.libsvm" --test "$fashion-test.libsvm" \
    --spec none --spec "cauchy(lambda=$LAMBDA)" --spec "log_cosh(lambda=$LAMBDA, scale=0.1)" \
    --spec "pseudo_huber(lambda=$LAMBDA, width=0.01)" \
    --reps "$REPS" --warmup "$WARMUP" --epochs "$OVERHEAD_EPOCHS" --optimiser "$opt" --learning-rate "$rate" \
    --budget "$BUDGET" --out "$results" >&2
  bench_users train --task "users-sparse-$opt" --train "$sparse-train.libsvm" --test "$sparse-test.libsvm" \
    --spec none --spec "cauchy(lambda=$SPARSE_LAMBDA)" --spec "log_cosh(lambda=$SPARSE_LAMBDA, scale=0.1)" \
    --spec "pseudo_huber(lambda=$SPARSE_LAMBDA, width=0.01)" \
    --reps "$REPS" --warmup "$WARMUP" --epochs "$OVERHEAD_EPOCHS" --optimiser "$opt" --learning-rate "$rate" \
    --budget "$BUDGET" --out "$results" >&2
done
fi

if want quality; then
log "2a. quality and speed on Fashion-MNIST, 10 classes: Rein"
bench train --task quality --train "$fashion-train.libsvm" --test "$fashion-test.libsvm" \
  --spec "l2(lambda=$LAMBDA)" --spec "l1(lambda=$LAMBDA)" --spec "elastic_net(lambda=$LAMBDA, l1_ratio=$L1_RATIO)" \
  --spec "l1(lambda=$LAMBDA, mode=cumulative)" --spec "elastic_net(lambda=$LAMBDA, l1_ratio=$L1_RATIO, mode=cumulative)" \
  --reps "$QREPS" --warmup 1 --epochs "$QEPOCHS" --optimiser sgd-sqrt-decay --learning-rate "$QLR" \
  --budget 0 --out "$results" >&2
log "2a. scikit-learn SGDClassifier"
for schedule in invscaling optimal; do
  "$PY" "$here/compare.py" sklearn --task quality --train "$fashion-train.libsvm" --test "$fashion-test.libsvm" \
    --penalty l2 l1 elasticnet --alpha "$LAMBDA" --l1-ratio "$L1_RATIO" --epochs "$QEPOCHS" \
    --schedule "$schedule" --eta0 "$QLR" --reps "$QREPS" --out "$results" >&2
done
log "2a. liblinear"
for solver in 0 6; do
  "$PY" "$here/compare.py" liblinear --task quality --train "$fashion-train.libsvm" --test "$fashion-test.libsvm" \
    --solver "$solver" --lam "$LAMBDA" --bias 10 --reps 1 --model-dir "$models" --out "$results" >&2
done

log "2a. Rein with rein train's defaults (AdaGrad, its default rate, $DEFAULT_EPOCHS epochs, mode=auto), and FTRL"
for opt in adagrad ftrl; do
  bench train --task quality-defaults --train "$fashion-train.libsvm" --test "$fashion-test.libsvm" \
    --spec "l2(lambda=$LAMBDA)" --spec "l1(lambda=$LAMBDA)" --spec "elastic_net(lambda=$LAMBDA, l1_ratio=$L1_RATIO)" \
    --reps "$QREPS" --warmup 0 --epochs "$DEFAULT_EPOCHS" --optimiser "$opt" --budget 0 --out "$results" >&2
done

log "2b. binary task (class 0 against the rest): the L2-regularized objective"
bench train --task binary --train "$fashion-binary-train.libsvm" --test "$fashion-binary-test.libsvm" \
  --spec "l2(lambda=$LAMBDA2)" --reps "$QREPS" --warmup 1 --epochs "$QEPOCHS" --optimiser sgd-sqrt-decay \
  --learning-rate "$QLR" --export-weights "$models" --out "$results" >&2
for schedule in invscaling optimal; do
  "$PY" "$here/compare.py" sklearn --task binary --train "$fashion-binary-train.libsvm" \
    --test "$fashion-binary-test.libsvm" --penalty l2 --alpha "$LAMBDA" --epochs "$QEPOCHS" --schedule "$schedule" \
    --eta0 "$QLR" --reps "$QREPS" --export-weights "$models" --out "$results" >&2
done
"$PY" "$here/compare.py" liblinear --task binary --train "$fashion-binary-train.libsvm" \
  --test "$fashion-binary-test.libsvm" --solver 0 --lam "$LAMBDA" --bias 10 --reps 1 --model-dir "$models" \
  --out "$results" >&2
rein_weights=$(ls "$models"/binary-l2*.weights)
bench objective --task objective --train "$fashion-binary-train.libsvm" --test "$fashion-binary-test.libsvm" \
  --lambda "$LAMBDA" --weights "rein=$rein_weights" \
  --weights "sklearn-invscaling=$models/binary-sklearn-l2-invscaling.weights" \
  --weights "sklearn-optimal=$models/binary-sklearn-l2-optimal.weights" \
  --liblinear "liblinear=$models/binary-liblinear-s0.model" --out "$results" >&2
fi

if want wide; then
log "3a. sparsity on the wide set: liblinear -s 6, scikit-learn saga and SGDClassifier"
"$PY" "$here/compare.py" liblinear --task wide --train "$wide-train.libsvm" --test "$wide-test.libsvm" \
  --solver 6 --lam "$WIDE_LAMBDA" --bias 10 --reps 1 --model-dir "$models" --out "$results" >&2
"$PY" "$here/compare.py" saga --task wide --train "$wide-train.libsvm" --test "$wide-test.libsvm" \
  --lam "$WIDE_LAMBDA" --reps 1 --out "$results" >&2
for schedule in invscaling optimal; do
  "$PY" "$here/compare.py" sklearn --task wide --train "$wide-train.libsvm" --test "$wide-test.libsvm" \
    --penalty l1 --alpha "$WIDE_LAMBDA" --epochs 30 --schedule "$schedule" --eta0 1.0 --reps 1 --out "$results" >&2
done
log "3b. sparsity on the wide set: Rein, every optimiser x mode at its default rate and $DEFAULT_EPOCHS epochs"
for opt in adagrad ftrl sgd sgd-sqrt-decay rmsprop adam; do
  bench train --task wide --train "$wide-train.libsvm" --test "$wide-test.libsvm" \
    --spec "l1(lambda=$WIDE_LAMBDA)" --spec "l1(lambda=$WIDE_LAMBDA, mode=proximal)" \
    --spec "l1(lambda=$WIDE_LAMBDA, mode=cumulative)" --spec "l1(lambda=$WIDE_LAMBDA, mode=decoupled)" \
    --spec "l1(lambda=$WIDE_LAMBDA, mode=coupled)" \
    --reps 1 --warmup 0 --epochs "$DEFAULT_EPOCHS" --optimiser "$opt" --budget 0 --out "$results" >&2
done
bench train --task wide --train "$wide-train.libsvm" --test "$wide-test.libsvm" --spec none \
  --reps 1 --warmup 0 --epochs "$DEFAULT_EPOCHS" --optimiser adagrad --budget 0 --out "$results" >&2
log "3c. the default learning rates: adagrad and ftrl at several rates, mode=auto, on the wide set and Fashion-MNIST"
for opt in adagrad ftrl; do
  for rate in 0.1 0.25 0.5 1.0 2.0; do
    bench train --task rates-wide --train "$wide-train.libsvm" --test "$wide-test.libsvm" \
      --spec "l1(lambda=$WIDE_LAMBDA)" --reps 1 --warmup 0 --epochs "$DEFAULT_EPOCHS" --optimiser "$opt" \
      --learning-rate "$rate" --budget 0 --out "$results" >&2
    bench train --task rates-fashion --train "$fashion-train.libsvm" --test "$fashion-test.libsvm" \
      --spec "l1(lambda=$LAMBDA)" --reps 1 --warmup 0 --epochs "$DEFAULT_EPOCHS" --optimiser "$opt" \
      --learning-rate "$rate" --budget 0 --out "$results" >&2
  done
done
fi

elapsed=$(( $(date +%s) - started ))
log "writing BENCHMARKS.md (suite ran $elapsed s)"
command_line="benchmarks/run.sh"
[ "$quick" -eq 0 ] || command_line="benchmarks/run.sh --quick"
[ -z "$baseline" ] || command_line="$command_line --baseline $baseline"
[ -z "$append" ] || command_line="$command_line --parts \"$parts\" --append $(basename "$append") (parts rerun on $(date +%Y-%m-%d) at $built)"
"$PY" "$here/report.py" --results "$results" --out "$root/BENCHMARKS.md" --command "$command_line" \
  --baseline "${base_sha:-}" --built "$built" \
  --mode "$MODE" --elapsed "$elapsed" --liblinear-train "$LL_TRAIN" \
  --setting "fashion_train=$FASHION_N" --setting "fashion_test=$FASHION_TEST" \
  --setting "sparse_train=$SPARSE_N" --setting "sparse_test=$SPARSE_TEST" \
  --setting "sparse_features=$SPARSE_FEATURES" --setting "sparse_nonzeros=$SPARSE_NNZ" \
  --setting "reps=$REPS" --setting "warmup=$WARMUP" --setting "quality_reps=$QREPS" \
  --setting "quality_epochs=$QEPOCHS" --setting "overhead_epochs=$OVERHEAD_EPOCHS" --setting "budget=$BUDGET" \
  --setting "lr=$LR" --setting "adagrad_lr=$ADAGRAD_LR" --setting "quality_lr=$QLR" --setting "lambda=$LAMBDA" --setting "lambda2=$LAMBDA2" \
  --setting "sparse_lambda=$SPARSE_LAMBDA" --setting "l1_ratio=$L1_RATIO" \
  --setting "wide_train=$WIDE_TRAIN" --setting "wide_test=$WIDE_TEST" --setting "wide_features=$WIDE_FEATURES" \
  --setting "wide_informative=$WIDE_INFORMATIVE" --setting "wide_lambda=$WIDE_LAMBDA" \
  --setting "default_epochs=$DEFAULT_EPOCHS"
log "done: $root/BENCHMARKS.md (raw results: $results)"
