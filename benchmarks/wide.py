#!/usr/bin/env python3
"""A generated wide set for the sparsity benchmark: fewer examples than features, few of them informative.

  wide.py --train 500 --test 2000 --features 5000 --informative 10 --seed 7 --out-prefix PREFIX

writes PREFIX-train.libsvm and PREFIX-test.libsvm (indices from 1, as libsvm's tools expect; Rein reads them as
names). Every feature is N(0, 1) in every example; the label is the sign of w·x + N(0, 0.5²), where w has
`informative` non-zero entries of size 1 to 2 and random sign on the first features and is zero elsewhere.
"""
import argparse
import random


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--train", type=int, required=True)
    p.add_argument("--test", type=int, required=True)
    p.add_argument("--features", type=int, required=True)
    p.add_argument("--informative", type=int, required=True)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--out-prefix", required=True)
    a = p.parse_args()
    rng = random.Random(a.seed)
    truth = [rng.choice((-1, 1)) * rng.uniform(1, 2) for _ in range(a.informative)]
    for part, n in (("train", a.train), ("test", a.test)):
        with open("%s-%s.libsvm" % (a.out_prefix, part), "w") as out:
            for _ in range(n):
                x = [rng.gauss(0, 1) for _ in range(a.features)]
                score = sum(w * v for w, v in zip(truth, x)) + rng.gauss(0, 0.5)
                label = 1 if score > 0 else -1
                out.write(str(label) + " " + " ".join("%d:%.4f" % (j + 1, v) for j, v in enumerate(x)) + "\n")


if __name__ == "__main__":
    main()
