#!/usr/bin/env python3
"""Writes the small example data sets the README's commands train on: train/test in CSV and in libsvm.

Each example has 20 features, about 40% of them non-zero (standard normal); the label is the sign of a fixed
combination of the first four plus noise, with 5% of the labels flipped. Seeded: running it again writes the
same files. Usage: python3 samples/data/generate.py  (from anywhere; it writes next to itself)
"""
import os
import random

FEATURES = 20
INFORMATIVE = (1.5, -2.0, 1.0, -1.0)


def rows(n, rng):
    for _ in range(n):
        x = [round(rng.gauss(0, 1), 4) if rng.random() < 0.4 else 0.0 for _ in range(FEATURES)]
        score = sum(w * v for w, v in zip(INFORMATIVE, x)) + rng.gauss(0, 0.3)
        positive = score > 0
        if rng.random() < 0.05:
            positive = not positive
        yield x, positive


def write(name, examples):
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, name + ".csv"), "w") as csv, open(os.path.join(here, name + ".libsvm"), "w") as svm:
        csv.write(",".join("f%02d" % (j + 1) for j in range(FEATURES)) + ",label\n")
        for x, positive in examples:
            csv.write(",".join(repr(v) if v else "0" for v in x) + "," + ("pos" if positive else "neg") + "\n")
            pairs = " ".join("%d:%r" % (j + 1, v) for j, v in enumerate(x) if v)
            svm.write(("1" if positive else "-1") + (" " + pairs if pairs else " 1:0") + "\n")


rng = random.Random(20240611)
write("train", list(rows(400, rng)))
write("test", list(rows(200, rng)))
