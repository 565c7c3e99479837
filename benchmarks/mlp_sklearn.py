#!/usr/bin/python3
"""scikit-learn's MLPClassifier on an MNIST-format IDX folder, as `bench network` trains Rein's network: the same
layers, batch size and solver (adam, learning rate 0.001), pixels scaled to [0, 1]. Prints one JSON line.

    /usr/bin/python3 benchmarks/mlp_sklearn.py --dir /usr/share/datasets/fashion-mnist --epochs 10

sklearn runs exactly --epochs passes (tol=0 with n_iter_no_change larger than --epochs keeps it from stopping);
seconds per epoch is the fit time divided by the epochs run (sklearn reports no per-epoch times).
"""
import argparse
import gzip
import json
import os
import time
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier


def read_idx(folder, name):
    for candidate in (name, name + ".gz"):
        path = os.path.join(folder, candidate)
        if os.path.exists(path):
            opener = gzip.open if path.endswith(".gz") else open
            with opener(path, "rb") as f:
                data = f.read()
            dims = data[3]
            shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
            return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)
    raise SystemExit(f"{folder} has no {name} (nor {name}.gz)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--layers", default="256,128")
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    x = read_idx(args.dir, "train-images-idx3-ubyte").reshape(60000, -1) / 255.0
    y = read_idx(args.dir, "train-labels-idx1-ubyte")
    xt = read_idx(args.dir, "t10k-images-idx3-ubyte").reshape(10000, -1) / 255.0
    yt = read_idx(args.dir, "t10k-labels-idx1-ubyte")
    layers = tuple(int(w) for w in args.layers.split(","))
    model = MLPClassifier(hidden_layer_sizes=layers, solver="adam", learning_rate_init=0.001, batch_size=args.batch,
                          max_iter=args.epochs, tol=0.0, n_iter_no_change=args.epochs + 1, alpha=0.0,
                          random_state=args.seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        start = time.perf_counter()
        model.fit(x, y)
        seconds = time.perf_counter() - start
    print(json.dumps({"task": "network", "tool": "sklearn MLPClassifier", "layers": list(layers),
                      "batch": args.batch, "epochs_run": model.n_iter_, "seconds_per_epoch": seconds / model.n_iter_,
                      "train_accuracy": model.score(x, y), "test_accuracy": model.score(xt, yt)}))


if __name__ == "__main__":
    main()
