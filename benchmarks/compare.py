#!/usr/bin/env python3
"""The other side of Rein's quality-and-speed benchmark: scikit-learn's SGDClassifier and liblinear.

Called by benchmarks/run.sh; writes one JSON line per configuration (appended to --out), the same fields as
Rein's `BenchCli train` lines where they mean the same thing:

  compare.py sklearn   --task dense --train T --test S --penalty l2 --alpha 1e-4 --epochs 5 --eta0 0.1 ...
  compare.py liblinear --task dense --train T --test S --solver 0 --lam 1e-4 --bias 10 ...
  compare.py saga      --task wide --train T --test S --lam 0.03 ...

scikit-learn runs single-threaded (one-vs-rest, n_jobs=1) like Tribuo; times are medians of --reps fits,
data loading excluded. liblinear's time is the wall time of the `train` process, which includes reading the
libsvm file; the time of `predict` on the training file (it reads the same file and does little else) is
reported next to it as an estimate of that reading cost.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def load(train, test):
    from sklearn.datasets import load_svmlight_files
    x_train, y_train, x_test, y_test = load_svmlight_files([train, test], zero_based=False)
    return x_train, y_train, x_test, y_test


def write_weights(path, coef, intercept):
    """The weights file format of dev.rein.samples.bench.LinearWeights: 'bias B', then 'INDEX WEIGHT' (1-based)."""
    with open(path, "w") as out:
        out.write("bias %r\n" % float(intercept))
        for j, w in enumerate(coef):
            if w != 0:
                out.write("%d %r\n" % (j + 1, float(w)))


def run_sklearn(args):
    import numpy as np
    from sklearn.linear_model import SGDClassifier
    x_train, y_train, x_test, y_test = load(args.train, args.test)
    for penalty in args.penalty:
        times = []
        clf = None
        for _ in range(args.reps):
            clf = SGDClassifier(loss="log_loss", penalty=penalty, alpha=args.alpha, l1_ratio=args.l1_ratio,
                                max_iter=args.epochs, tol=None, learning_rate=args.schedule, eta0=args.eta0,
                                power_t=0.5, shuffle=True, random_state=args.seed, n_jobs=1)
            start = time.perf_counter()
            clf.fit(x_train, y_train)
            times.append(time.perf_counter() - start)
        line = {
            "task": args.task, "tool": "sklearn", "penalty": penalty, "alpha": args.alpha,
            "l1_ratio": args.l1_ratio if penalty == "elasticnet" else None,
            "schedule": args.schedule, "eta0": args.eta0 if args.schedule != "optimal" else None,
            "epochs": args.epochs, "status": "ok", "times": " ".join("%.4f" % t for t in times),
            "median_seconds": statistics.median(times),
            "train_accuracy": float(clf.score(x_train, y_train)),
            "test_accuracy": float(clf.score(x_test, y_test)),
            "nonzero_weights": int(np.count_nonzero(clf.coef_)), "total_weights": int(clf.coef_.size),
            "train_examples": int(x_train.shape[0]), "features": int(x_train.shape[1]),
        }
        if args.export_weights:
            if len(clf.classes_) != 2:
                sys.exit("compare.py: --export-weights needs a two-class task, got classes %s" % clf.classes_)
            os.makedirs(args.export_weights, exist_ok=True)
            path = os.path.join(args.export_weights, "%s-sklearn-%s-%s.weights" % (args.task, penalty, args.schedule))
            # coef_ scores classes_[1]; the positive label must be that one.
            if str(int(clf.classes_[1])) != args.positive:
                sys.exit("compare.py: classes are %s; the positive label %s must sort last" % (clf.classes_,
                                                                                            args.positive))
            write_weights(path, clf.coef_[0], clf.intercept_[0])
            line["weights_file"] = path
        emit(args.out, line)


def run_saga(args):
    """scikit-learn's LogisticRegression with solver='saga', the L1 penalty of mean loss + lambda*|w|."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    x_train, y_train, x_test, y_test = load(args.train, args.test)
    c = 1.0 / (args.lam * x_train.shape[0])
    times = []
    clf = None
    for _ in range(args.reps):
        clf = LogisticRegression(penalty="l1", solver="saga", C=c, max_iter=args.max_iter, tol=1e-4,
                                 random_state=args.seed)
        start = time.perf_counter()
        clf.fit(x_train, y_train)
        times.append(time.perf_counter() - start)
    emit(args.out, {
        "task": args.task, "tool": "sklearn-saga", "penalty": "l1", "lambda": args.lam, "C": c,
        "iterations": int(np.max(clf.n_iter_)), "status": "ok", "times": " ".join("%.4f" % t for t in times),
        "median_seconds": statistics.median(times), "train_accuracy": float(clf.score(x_train, y_train)),
        "test_accuracy": float(clf.score(x_test, y_test)),
        "nonzero_weights": int(np.count_nonzero(clf.coef_)), "total_weights": int(clf.coef_.size),
        "train_examples": int(x_train.shape[0]), "features": int(x_train.shape[1]),
    })


def liblinear_binary(name):
    for candidate in (name, "liblinear-" + name):
        if shutil.which(candidate):
            return candidate
    sys.exit("compare.py: neither '%s' nor 'liblinear-%s' is installed (apt-get install liblinear-tools)" % (name,
                                                                                                          name))


def count_model_nonzeros(path):
    """Non-zero weights of a liblinear model file, the bias row (the last with -B) excluded."""
    with open(path) as f:
        lines = f.read().split("\n")
    header = {}
    start = lines.index("w") + 1
    for line in lines[:start - 1]:
        parts = line.split()
        header[parts[0]] = parts[1:]
    features = int(header["nr_feature"][0])
    rows = lines[start:start + features]
    return sum(1 for row in rows for v in row.split() if float(v) != 0), sum(len(r.split()) for r in rows)


def run_liblinear(args):
    train_bin = liblinear_binary("train")
    predict_bin = liblinear_binary("predict")
    n = sum(1 for line in open(args.train) if line.strip())
    c = 1.0 / (args.lam * n)
    workdir = args.model_dir or tempfile.mkdtemp(prefix="rein-bench-")
    os.makedirs(workdir, exist_ok=True)
    model = os.path.join(workdir, "%s-liblinear-s%d.model" % (args.task, args.solver))
    times = []
    for _ in range(args.reps):
        start = time.perf_counter()
        subprocess.run([train_bin, "-s", str(args.solver), "-c", repr(c), "-B", repr(args.bias), "-q", args.train,
                        model], check=True)
        times.append(time.perf_counter() - start)
    out_file = os.path.join(workdir, "predictions.txt")

    def accuracy(data):
        start = time.perf_counter()
        result = subprocess.run([predict_bin, data, model, out_file], check=True, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        # "Accuracy = 84.21% (8421/10000)"
        text = result.stdout.strip().splitlines()[-1]
        return float(text.split("=")[1].split("%")[0]) / 100, seconds

    train_accuracy, read_seconds = accuracy(args.train)
    test_accuracy, _ = accuracy(args.test)
    nonzeros, total = count_model_nonzeros(model)
    emit(args.out, {
        "task": args.task, "tool": "liblinear", "solver": args.solver, "lambda": args.lam, "C": c, "bias": args.bias,
        "status": "ok", "times": " ".join("%.4f" % t for t in times), "median_seconds": statistics.median(times),
        "read_seconds_estimate": read_seconds, "train_accuracy": train_accuracy, "test_accuracy": test_accuracy,
        "nonzero_weights": nonzeros, "total_weights": total, "train_examples": n, "model_file": model,
    })


def emit(path, line):
    text = json.dumps(line)
    print(text, flush=True)
    if path:
        with open(path, "a") as out:
            out.write(text + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("sklearn", "liblinear", "saga"):
        p = sub.add_parser(name)
        p.add_argument("--task", required=True)
        p.add_argument("--train", required=True)
        p.add_argument("--test", required=True)
        p.add_argument("--reps", type=int, default=3)
        p.add_argument("--out")
        if name == "sklearn":
            p.add_argument("--penalty", nargs="+", required=True, choices=["l1", "l2", "elasticnet"])
            p.add_argument("--alpha", type=float, required=True)
            p.add_argument("--l1-ratio", type=float, default=0.5)
            p.add_argument("--epochs", type=int, required=True)
            p.add_argument("--schedule", default="invscaling", choices=["invscaling", "optimal", "constant"])
            p.add_argument("--eta0", type=float, default=0.1)
            p.add_argument("--seed", type=int, default=1)
            p.add_argument("--export-weights")
            p.add_argument("--positive", default="1")
        elif name == "saga":
            p.add_argument("--lam", type=float, required=True, help="lambda; C = 1/(lambda*n)")
            p.add_argument("--max-iter", type=int, default=1000)
            p.add_argument("--seed", type=int, default=1)
        else:
            p.add_argument("--solver", type=int, required=True, choices=[0, 6])
            p.add_argument("--lam", type=float, required=True, help="lambda; C = 1/(lambda*n)")
            p.add_argument("--bias", type=float, default=10.0)
            p.add_argument("--model-dir")
    args = parser.parse_args()
    for f in (args.train, args.test):
        if not os.path.isfile(f):
            sys.exit("compare.py: data file '%s' does not exist; run benchmarks/run.sh, which prepares it" % f)
    {"sklearn": run_sklearn, "liblinear": run_liblinear, "saga": run_saga}[args.command](args)


if __name__ == "__main__":
    main()
