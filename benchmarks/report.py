#!/usr/bin/env python3
"""Turns the JSON lines of one benchmarks/run.sh run into BENCHMARKS.md: machine, settings, tables, goals.

Only formats what was measured: every number in the tables comes from the results file given.
"""
import argparse
import datetime
import json
import os
import platform
import re
import subprocess


def sh(*cmd):
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        return (r.stdout + r.stderr).strip()
    except (OSError, subprocess.SubprocessError) as e:
        return "unknown (%s)" % e


def machine(liblinear_train, built=""):
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "unknown"
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                ram = "%.1f GiB" % (int(line.split()[1]) / 1024 / 1024)
    except OSError:
        pass
    try:
        import sklearn
        sk = sklearn.__version__
    except ImportError:
        sk = "not installed"
    liblinear = sh("dpkg-query", "-W", "-f", "${Version}", "liblinear-tools")
    return [
        ("Date", datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")),
        ("CPU", "%s, %s cores (nproc)" % (cpu, sh("nproc"))),
        ("RAM", ram),
        ("OS", "%s %s" % (platform.system(), platform.release())),
        ("Java", sh("java", "-version").splitlines()[0] if sh("java", "-version") else "unknown"),
        ("Tribuo", "4.3.2"),
        ("scikit-learn", "%s (Python %s)" % (sk, platform.python_version())),
        ("liblinear", "%s (Debian liblinear-tools, `%s`)" % (liblinear, liblinear_train)),
        ("Rein commit", built or sh("git", "-C", os.path.dirname(os.path.abspath(__file__)), "rev-parse", "--short",
                                    "HEAD")),
    ]


def load(path):
    """The result lines; a line measured again (`run.sh --parts ... --append`) replaces the earlier one in place."""
    rows = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line:
                r = json.loads(line)
                key = tuple(str(r.get(k)) for k in ("task", "tool", "spec", "optimiser", "learning_rate", "penalty",
                                                     "schedule", "solver", "model"))
                rows[key] = r
    return list(rows.values())


def fmt_s(x):
    return "—" if x is None else ("%.2f" % x if x >= 0.1 else "%.3f" % x)


def fmt_acc(x):
    return "—" if x is None else "%.2f %%" % (100 * x)


def seconds_of(r):
    """The time of one run: the median, or the extrapolation of a run stopped over budget."""
    if r.get("status") == "over_budget":
        return r["extrapolated_seconds"]
    return r["median_seconds"]


def overhead_table(rows, task, goal, base=None, base_label="1.00 (baseline)"):
    """The overhead rows of `task`; `base` is the row the ratios are against (default: the task's own `none`)."""
    all_rows = rows
    rows = [r for r in rows if r["task"] == task]
    if not rows:
        return ["(not run)"], None
    own_base = next((r for r in rows if r["spec"] == "none"), None)
    base = base or own_base
    del all_rows
    out = ["| spec | median train s | × unregularized | test accuracy | non-zero weights | runs (s) |",
           "|---|---:|---:|---:|---:|---|"]
    worst = None
    for r in rows:
        t = seconds_of(r) if r.get("status") != "refused" else None
        ratio = t / seconds_of(base) if base and t is not None else None
        in_goal = r["spec"] != "none" and "mode=" not in r["spec"]   # the specs, in mode=auto
        if in_goal and ratio is not None:
            worst = ratio if worst is None else max(worst, ratio)
        if r.get("status") == "refused":
            out.append("| `%s` | refused (`%s`) | — | — | — | — |" % (r["spec"], r["tag"]))
            continue
        if r.get("status") == "over_budget":
            time_cell = "**≈ %s** (extrapolated)" % fmt_s(t)
            runs = "stopped after %.0f s with %.2f %% of the steps done" % (r["budget_seconds"],
                                                                             100 * r["fraction_done"])
            acc, nz = "—", "—"
        else:
            time_cell = fmt_s(t)
            runs = r["times"]
            acc = fmt_acc(r.get("test_accuracy"))
            nz = "%d / %d" % (r["nonzero_weights"], r["total_weights"])
            if r.get("modes"):
                runs = "%s; %s" % (r["modes"], runs)
        if r is base:
            ratio_cell = base_label
        elif r["spec"] == "none":
            ratio_cell = "%.2f× (no penalty)" % ratio
        elif in_goal:
            ratio_cell = "**%.2f×**" % ratio + (" ✗" if ratio > goal else " ✓")
        else:
            ratio_cell = "%.2f× (opt-in mode, outside the goal)" % ratio
        out.append("| `%s` | %s | %s | %s | %s | %s |" % (r["spec"], time_cell, ratio_cell, acc, nz, runs))
    return out, worst


def penalty_of(r):
    if r["tool"] == "rein":
        return r["spec"].split("(")[0].replace("elastic_net", "elasticnet")
    if r["tool"] == "sklearn":
        return r["penalty"]
    return {0: "l2", 6: "l1"}[r["solver"]]


def label_of(r):
    if r["tool"] == "rein":
        return "Rein (Tribuo SGD, η₀/√t, softmax) `%s`" % r["spec"]
    if r["tool"] == "sklearn":
        sched = "invscaling η₀/√t" if r["schedule"] == "invscaling" else "'optimal' (its default)"
        return "sklearn SGDClassifier %s, %s" % (r["penalty"], sched)
    return "liblinear `-s %d` (%s logistic regression)" % (r["solver"], "L2" if r["solver"] == 0 else "L1")


def quality_table(rows):
    rows = [r for r in rows if r["task"] == "quality"]
    out = ["| model | penalty | median train s | s / epoch | test accuracy | non-zero weights |",
           "|---|---|---:|---:|---:|---:|"]
    order = {"l2": 0, "l1": 1, "elasticnet": 2}
    tool_order = {"rein": 0, "sklearn": 1, "liblinear": 2}
    for r in sorted(rows, key=lambda r: (order[penalty_of(r)], tool_order[r["tool"]], r.get("schedule", ""))):
        epochs = r.get("epochs")
        per_epoch = fmt_s(r["median_seconds"] / epochs) if epochs else "— (runs to convergence)"
        time_cell = fmt_s(r["median_seconds"])
        if r["tool"] == "liblinear":
            time_cell += " (incl. ≈ %s reading the file)" % fmt_s(r["read_seconds_estimate"])
        out.append("| %s | %s | %s | %s | %s | %d / %d |" % (label_of(r), penalty_of(r), time_cell, per_epoch,
                                                          fmt_acc(r["test_accuracy"]), r["nonzero_weights"],
                                                          r["total_weights"]))
    return out, rows


def objective_table(rows):
    binary = [r for r in rows if r["task"] == "binary"]

    def trained(model):
        """The training line of an objective line's model: rein, sklearn-<schedule> or liblinear."""
        tool, _, schedule = model.partition("-")
        return next((r for r in binary if r["tool"] == tool and (not schedule or r.get("schedule") == schedule)),
                    None)

    objective = [r for r in rows if r["task"] == "objective"]
    out = ["| model | objective J(w, b) | test accuracy | non-zero weights | ‖w‖ | train s |",
           "|---|---:|---:|---:|---:|---:|"]
    best = min((r["objective"] for r in objective), default=None)
    for r in objective:
        source = trained(r["model"])
        seconds = fmt_s(source["median_seconds"]) if source else "—"
        gap = r["objective"] - best
        out.append("| %s | %.6f%s | %s | %d | %.3f | %s |" % (r["model"], r["objective"],
                                                              "" if gap == 0 else " (+%.2g)" % gap,
                                                              fmt_acc(r["test_accuracy"]), r["nonzero_weights"],
                                                              r["weight_norm"], seconds))
    return out, objective


def defaults_table(rows):
    rows = [r for r in rows if r["task"] == "quality-defaults"]
    if not rows:
        return ["(not run)"]
    out = ["| optimiser (default rate) | spec | modes | median train s | s / epoch | test accuracy | non-zero weights |",
           "|---|---|---|---:|---:|---:|---:|"]
    for r in rows:
        out.append("| %s (%s) | `%s` | %s | %s | %s | %s | %d / %d |" % (
            r["optimiser"], r["learning_rate"], r["spec"], r.get("modes", ""), fmt_s(r["median_seconds"]),
            fmt_s(r["median_seconds"] / r["epochs"]), fmt_acc(r["test_accuracy"]), r["nonzero_weights"],
            r["total_weights"]))
    return out


def zeros_of(r):
    return 1 - r["nonzero_weights"] / r["total_weights"]


def wide_tables(rows):
    """Part 3: the other tools, then Rein's optimiser × mode table; and the goal lines."""
    rows = [r for r in rows if r["task"] == "wide"]
    if not rows:
        return ["(not run)"], []
    others = [r for r in rows if r["tool"] != "rein"]
    out = ["| tool | test accuracy | exact zeros | train s |", "|---|---:|---:|---:|"]
    for r in others:
        if r["tool"] == "liblinear":
            label = "liblinear `-s 6 -c 1/(λn) -B 10` (to convergence)"
        elif r["tool"] == "sklearn-saga":
            label = "sklearn `LogisticRegression(penalty='l1', solver='saga', C=1/(λn))` (%d iterations)" % r[
                "iterations"]
        else:
            label = "sklearn `SGDClassifier(penalty='l1', alpha=λ)`, %s, %d epochs" % (
                "invscaling η₀ = 1" if r["schedule"] == "invscaling" else "'optimal' (its default)", r["epochs"])
        out.append("| %s | %s | %.1f %% | %s |" % (label, fmt_acc(r["test_accuracy"]), 100 * zeros_of(r),
                                                   fmt_s(r["median_seconds"])))
    rein = [r for r in rows if r["tool"] == "rein"]
    none = next((r for r in rein if r["spec"] == "none"), None)
    if none:
        out.append("| Rein, no penalty (AdaGrad) | %s | %.1f %% | %s |" % (fmt_acc(none["test_accuracy"]),
                                                                        100 * zeros_of(none),
                                                                        fmt_s(none["median_seconds"])))
    modes = ["auto", "proximal", "cumulative", "decoupled", "coupled"]
    out += ["", "Rein, `l1(lambda=λ, mode=…)`, each optimiser at its default rate (test accuracy / exact zeros;"
            " for auto, the mode it chose):", "",
            "| optimiser | " + " | ".join(modes) + " |", "|---|" + "---:|" * len(modes)]
    optimisers = []
    for r in rein:
        if r["spec"] != "none" and r["optimiser"] not in optimisers:
            optimisers.append(r["optimiser"])
    for opt in optimisers:
        cells = []
        for m in modes:
            r = next((x for x in rein if x["optimiser"] == opt and x["spec"] != "none"
                      and (("mode=" + m) in x["spec"] if m != "auto" else "mode=" not in x["spec"])), None)
            if r is None:
                cells.append("—")
            elif r["status"] == "refused":
                cells.append("refused")
            else:
                chosen = " (%s)" % r["modes"].split("=")[1] if m == "auto" and r.get("modes") else ""
                cells.append("%s / %.1f %%%s" % (fmt_acc(r["test_accuracy"]), 100 * zeros_of(r), chosen))
        out.append("| %s (%s) | %s |" % (opt, next(x["learning_rate"] for x in rein if x["optimiser"] == opt),
                                         " | ".join(cells)))
    goals = []
    liblinear = next((r for r in others if r["tool"] == "liblinear"), None)
    for opt in ("adagrad", "ftrl"):
        r = next((x for x in rein if x["optimiser"] == opt and x["spec"] != "none" and "mode=" not in x["spec"]
                  and x["status"] == "ok"), None)
        if r and liblinear:
            gap = 100 * (liblinear["test_accuracy"] - r["test_accuracy"])
            ok = zeros_of(r) >= 0.90 and gap <= 1.0
            goals.append("- Wide set, `%s` with its defaults and `mode=auto`: %.1f %% exact zeros (goal ≥ 90 %%), "
                         "%s test accuracy, %.2f points %s liblinear's %s (goal: within 1) — %s." % (
                             opt, 100 * zeros_of(r), fmt_acc(r["test_accuracy"]), abs(gap),
                             "below" if gap > 0 else "above", fmt_acc(liblinear["test_accuracy"]),
                             "met" if ok else "**not met**"))
    return out, goals


def rates_table(rows):
    wide = {(r["optimiser"], r["learning_rate"]): r for r in rows if r["task"] == "rates-wide"}
    fashion = {(r["optimiser"], r["learning_rate"]): r for r in rows if r["task"] == "rates-fashion"}
    if not wide and not fashion:
        return ["(not run)"]
    out = ["| optimiser | rate | wide set: test accuracy | wide: exact zeros | Fashion-MNIST: test accuracy |"
           " Fashion: exact zeros |", "|---|---:|---:|---:|---:|---:|"]
    for key in sorted(set(wide) | set(fashion)):
        w, f = wide.get(key), fashion.get(key)
        out.append("| %s | %s | %s | %s | %s | %s |" % (
            key[0], key[1], fmt_acc(w["test_accuracy"]) if w else "—", "%.1f %%" % (100 * zeros_of(w)) if w else "—",
            fmt_acc(f["test_accuracy"]) if f else "—", "%.1f %%" % (100 * zeros_of(f)) if f else "—"))
    return out


def adagrad_goals(dense_worst, sparse_worst, ftrl_dense=None, ftrl_sparse=None):
    """Issue 8's overhead goals under AdaGrad (each spec against unregularized AdaGrad in the same run)."""
    lines = []
    for label, worst, goal in (("Fashion-MNIST", dense_worst, 1.10), ("the sparse set", sparse_worst, 1.3),
                               ("Fashion-MNIST, FTRL", ftrl_dense, 1.10), ("the sparse set, FTRL", ftrl_sparse, 1.3)):
        if worst is not None:
            lines.append("- Overhead against unregularized AdaGrad on %s ≤ %.2f× (`l2`, `l1`, `elastic_net`, `max_norm`, mode=auto):"
                         " worst measured **%.2f×** — %s." % (label, goal, worst,
                                                               "met" if worst <= goal else "**not met**"))
    return lines


def goals(dense_worst, sparse_worst, quality_rows):
    lines = []
    if dense_worst is not None:
        lines.append("- Overhead on Fashion-MNIST ≤ 1.10× (`l2`, `l1`, `elastic_net`, `max_norm`, mode=auto): worst"
                     " measured **%.2f×** — %s." % (
            dense_worst, "met" if dense_worst <= 1.10 else "**not met**"))
    if sparse_worst is not None:
        lines.append("- Overhead on the sparse set ≤ 1.3× (the same specs): worst measured **%.2f×** — %s." % (
            sparse_worst, "met" if sparse_worst <= 1.3 else "**not met**"))
    rein = [r for r in quality_rows if r["tool"] == "rein"]
    for r in rein:
        pen = penalty_of(r)
        others = [o for o in quality_rows if o["tool"] != "rein" and penalty_of(o) == pen]
        if not others:
            continue
        best = max(others, key=lambda o: o["test_accuracy"])
        diff = 100 * (r["test_accuracy"] - best["test_accuracy"])
        lines.append("- Accuracy of `%s` within 0.5 points of the others: Rein %s vs best other %s (%s): %+.2f"
                     " points — %s." % (r["spec"], fmt_acc(r["test_accuracy"]), fmt_acc(best["test_accuracy"]),
                                        label_of(best), diff, "met" if diff >= -0.5 else "**not met**"))
    ll = next((o for o in quality_rows if o["tool"] == "liblinear" and o["solver"] == 6), None)
    for r in (r for r in rein if penalty_of(r) == "l1"):
        if ll:
            lines.append("- L1 sparsity comparable to liblinear `-s 6` (at most 1.5× its non-zeros): `%s` keeps %d"
                         " of %d weights non-zero, liblinear %d of %d — %s." % (
                             r["spec"], r["nonzero_weights"], r["total_weights"], ll["nonzero_weights"],
                             ll["total_weights"], "met" if r["nonzero_weights"] <= 1.5 * ll["nonzero_weights"]
                             else "**not met**"))
    for r in rein:
        sk = next((o for o in quality_rows if o["tool"] == "sklearn" and o["penalty"] == penalty_of(r) and
                   o["schedule"] == "invscaling"), None)
        if sk:
            a, b = r["median_seconds"] / r["epochs"], sk["median_seconds"] / sk["epochs"]
            lines.append("- Faster than sklearn SGD per epoch (`%s`): Rein %s s, sklearn %s s per epoch (%.2f×) — %s."
                         % (r["spec"], fmt_s(a), fmt_s(b), a / b, "met" if a < b else "**not met**"))
    return lines


def before_after_table(rows, baseline):
    """Part 1 on the baseline build and on this tree, each ratio against its own unregularized run."""
    if not baseline:
        return []
    out = ["### 1c. Before and after: Rein at `%s` against this tree" % baseline, "",
           "The same part 1 (same data, settings and repetitions) was run first with Rein built at commit `%s`"
           % baseline,
           "(`--baseline %s`), right before the same part with this tree, in the same run of the suite. Each"
           % baseline,
           "build's overhead is its time against its own unregularized run; the last two columns compare the builds,",
           "by time and by overhead.", "",
           "| set | spec | before: median s | before: × none | after: median s | after: × none | after s / before s"
           " | after × / before × |",
           "|---|---|---:|---:|---:|---:|---:|---:|"]
    for task, label in (("overhead-dense", "Fashion-MNIST"), ("overhead-sparse", "sparse")):
        before = {r["spec"]: r for r in rows if r["task"] == task + "-baseline"}
        after = {r["spec"]: r for r in rows if r["task"] == task}
        if "none" not in before or "none" not in after:
            continue
        b0, a0 = seconds_of(before["none"]), seconds_of(after["none"])
        for spec, a in after.items():
            b = before.get(spec)
            if b is None:
                continue
            rb, ra = seconds_of(b) / b0, seconds_of(a) / a0
            out.append("| %s | `%s` | %s | %.2f× | %s | %.2f× | %.2f | %.2f |" % (
                label, spec, fmt_s(seconds_of(b)), rb, fmt_s(seconds_of(a)), ra, seconds_of(a) / seconds_of(b),
                ra / rb))
    return out + [""]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--results", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--command", required=True)
    p.add_argument("--mode", required=True)
    p.add_argument("--elapsed", type=int, required=True)
    p.add_argument("--liblinear-train", default="liblinear-train")
    p.add_argument("--baseline", default="")
    p.add_argument("--built", default="", help="the commit the measured build was made from")
    p.add_argument("--setting", action="append", default=[])
    a = p.parse_args()
    s = dict(x.split("=", 1) for x in a.setting)
    rows = load(a.results)

    dense, dense_worst = overhead_table(rows, "overhead-dense", 1.10)
    sparse, sparse_worst = overhead_table(rows, "overhead-sparse", 1.3)
    dense_adagrad, dense_adagrad_worst = overhead_table(rows, "overhead-dense-adagrad", 1.10)
    sparse_adagrad, sparse_adagrad_worst = overhead_table(rows, "overhead-sparse-adagrad", 1.3)
    adagrad_base = {task: next((r for r in rows if r["task"] == task and r["spec"] == "none"), None)
                    for task in ("overhead-dense-adagrad", "overhead-sparse-adagrad")}
    dense_ftrl, dense_ftrl_worst = overhead_table(rows, "overhead-dense-ftrl", 1.10,
                                                  adagrad_base["overhead-dense-adagrad"], "—")
    sparse_ftrl, sparse_ftrl_worst = overhead_table(rows, "overhead-sparse-ftrl", 1.3,
                                                    adagrad_base["overhead-sparse-adagrad"], "—")
    wide, wide_goals = wide_tables(rows)
    users = []
    for opt in ("sgd", "adagrad"):
        for task, where, goal in (("users-dense-" + opt, "Fashion-MNIST", 1.2),
                                  ("users-sparse-" + opt, "the generated sparse set", 1.5)):
            table, _ = overhead_table(rows, task, goal)
            users += ["### 1h. Users' penalties under %s, %s (goal ≤ %.1f×)" % (opt, where, goal), ""] + table + [""]
    quality, quality_rows = quality_table(rows)
    objective, _ = objective_table(rows)
    text = TEMPLATE.format(
        command=a.command, mode=a.mode, elapsed="%d min %02d s" % divmod(a.elapsed, 60),
        machine="\n".join("| %s | %s |" % kv for kv in machine(a.liblinear_train, a.built)),
        goals="\n".join(goals(dense_worst, sparse_worst, quality_rows)
                         + adagrad_goals(dense_adagrad_worst, sparse_adagrad_worst, dense_ftrl_worst,
                                         sparse_ftrl_worst) + wide_goals),
        adagrad="\n".join(["### 1d. Under AdaGrad, Fashion-MNIST", ""] + dense_adagrad
                           + ["", "### 1e. Under AdaGrad, the generated sparse set", ""] + sparse_adagrad
                           + ["", "### 1f. Under FTRL, Fashion-MNIST (ratios against 1d's unregularized AdaGrad)", ""]
                           + dense_ftrl
                           + ["", "### 1g. Under FTRL, the generated sparse set (ratios against 1e's unregularized"
                              " AdaGrad)", ""] + sparse_ftrl + [""]
                           + ["Users' penalties (issue 12): the sample `cauchy` plugin and `log_cosh` and `pseudo_huber`"
                              " from `benchmarks/user-plugins`, each built by rein-processor and loaded from a plugin"
                              " folder; on sparse data their catch-up integrates the penalty's gradient flow"
                              " (`PenaltyFlow`). Learning rates as in 1b/1e for each optimiser.", ""] + users),
        defaults="\n".join(defaults_table(rows)), wide="\n".join(wide), rates="\n".join(rates_table(rows)),
        dense="\n".join(dense), sparse="\n".join(sparse),
        before_after="\n".join(before_after_table(rows, a.baseline)), quality="\n".join(quality),
        objective="\n".join(objective), results=os.path.relpath(a.results, os.path.dirname(os.path.abspath(a.out))),
        **s)
    text += kept_sections(a.out)
    with open(a.out, "w") as f:
        f.write(text)
    print(text)


JMH_MARKER = "<!-- JMH section: written by hand from benchmarks/jmh runs; report.py keeps it as it is -->"
NETWORK_MARKER = "## 4. Rein's feed-forward network"
SWEEP_MARKER = "<!-- sweep section: written by benchmarks/sweep.sh; report.py keeps it as it is -->"


def kept_sections(path):
    """The sections this suite does not run (the network's, from benchmarks/network.sh, the sweeps', from
    benchmarks/sweep.sh, and the hand-written JMH one), each from its marker to the next marker or the end, as they
    are in the file being replaced."""
    try:
        with open(path) as f:
            old = f.read()
    except OSError:
        return ""
    out = ""
    markers = (NETWORK_MARKER, SWEEP_MARKER, JMH_MARKER)
    for marker in markers:
        at = old.find(marker)
        if at < 0:
            continue
        later = [i for i in (old.find(m, at + 1) for m in markers) if i > at]
        out += "\n" + old[at:min(later) if later else len(old)].rstrip("\n") + "\n"
    return out


TEMPLATE = """# Rein benchmarks

Produced by one command, from the repository root:

```
{command}
```

(`benchmarks/run.sh --quick` is a ~3-minute smoke test on smaller data; the figures below are from a **{mode}**
run that took {elapsed}.) It installs what is missing from Debian (`python3-sklearn`, `liblinear-tools`,
`dataset-fashion-mnist`), builds Rein through `./rein` if needed, prepares the data once in `benchmarks/.cache`,
runs everything below side by side on the same machine in one run, and rewrites this file from the raw results
(JSON lines, kept locally in `{results}`, not committed). It is not run in CI.

| machine | |
|---|---|
{machine}

The machine is shared: other builds may have run at the same time, so single timings are noisy; medians of
repeated runs are reported, each repetition listed.

## Goals (issues 3 and 8), as measured in this run

{goals}

## 1. Overhead of Rein's regularization on Tribuo's SGD

Tribuo 4.3.2 `LinearSGDTrainer` (logistic loss `LogMulticlass`, mini-batches of 1, SGD with learning rate
η₀/√t, η₀ = {lr}, seed 1), trained through `dev.rein.samples.train.TrainingJob` — the code path of
`rein train` — with the plain Tribuo optimiser for `none` and Rein's `RegularizedOptimiser` around it otherwise.
Each spec: {warmup} untimed warm-up run, then {reps} timed runs of {overhead_epochs} epoch(s) in the same JVM, data
loaded once; the time is `trainer.train(...)` alone (no loading, no evaluation). A run still going after {budget} s
at an epoch's end is stopped and its full time extrapolated from the share of epochs done (marked
*extrapolated*); such a spec gets no further repetitions. (Progress is checked only at epoch ends.)

### 1a. Fashion-MNIST

{fashion_train} training and {fashion_test} test images, 784 pixel features scaled to [0, 1] (zero pixels are
absent, as Tribuo's loaders drop zeros: about half the pixels of an image), 10 classes. λ = {lambda}.

{dense}

### 1b. Generated sparse set

{sparse_train} training and {sparse_test} test examples, {sparse_features} features, {sparse_nonzeros} non-zeros per
example (indices skewed towards frequent features, exponential values), binary labels from a sparse linear truth
(5 % of the features) plus noise; generated with seed 42 by `dev.rein.samples.bench.SparseSetGenerator`.
λ = {sparse_lambda}. The model has 2 × (features seen) weights: Tribuo trains a two-row softmax.

{sparse}

{before_after}
{adagrad}
Under AdaGrad (η = {adagrad_lr}, Tribuo's `AdaGrad`, which Rein runs as its bit-identical `ReinAdaGrad`), `mode=auto`
runs a spec of `l1`/`l2`/`elastic_net` terms in AdaGrad's FTRL-Proximal form (`mode=cumulative`: the penalty charged
on the accumulated gradients, see part 3), which is lazy by construction; `max_norm` keeps AdaGrad's own steps and
caps each row lazily as under SGD. FTRL (`--optimiser ftrl`, α = 0.25,
β = 1) takes `l1`, `l2` and `elastic_net` into its closed form and refuses constraints (`plan-ftrl-constraint`).

## 2. Quality and speed against scikit-learn and liblinear

### 2a. Fashion-MNIST, 10 classes

{fashion_train} training / {fashion_test} test images as above; λ = {lambda} for every tool (Rein's `lambda` =
sklearn's `alpha`; liblinear `C = 1/(λ·n)`), elastic net with `l1_ratio` = {l1_ratio}, log loss everywhere.

- **Rein**: as in part 1 but {quality_epochs} epochs and η₀ = {quality_lr}, SGD η₀/√t, each penalty in `mode=auto`, which
  under plain SGD is proximal for `l1`, `l2` and `elastic_net` (each has a `@Proximal`): exact zeros for L1;
  a 10-way softmax with one weight row per class. Median of {quality_reps} runs after a warm-up.
- **sklearn** `SGDClassifier(loss="log_loss", penalty=..., alpha=λ, max_iter={quality_epochs}, tol=None,
  random_state=1, n_jobs=1)`: one-vs-rest, 10 binary models, single-threaded. Two learning-rate schedules:
  `invscaling` with `eta0` = {quality_lr}, `power_t=0.5` — the same η₀/√t as Rein's — and `optimal`, sklearn's default
  (η = 1/(α(t + t₀))). sklearn applies L1 by cumulative truncation (Tsuruoka et al.), which yields exact zeros.
  Median of {quality_reps} fits; loading excluded.
- **liblinear** `train -s 0` (L2) and `-s 6` (L1) logistic regression, `-c 1/(λ·n)`, default tolerance, one-vs-rest;
  `-B 10` adds a bias feature of value 10 (liblinear 2.3 penalizes the bias like any weight; a value of 10
  makes that penalty 100 times weaker on the intercept, close to the unpenalized intercepts of the others). It runs
  to convergence, not for a number of epochs. Its time is the `train` process's wall time, which includes reading
  the libsvm file (the time `predict` needs for the same file is shown as an estimate of that share). One run.

{quality}

### 2a'. Fashion-MNIST with `rein train`'s defaults

`rein train --data … --spec …` with nothing else: AdaGrad at its default rate, one example per step,
{default_epochs} epochs, `mode=auto`; and `--optimiser ftrl` at its default rate. λ = {lambda}. Median of
{quality_reps} runs, no warm-up.

{defaults}

### 2b. Binary task: Fashion-MNIST class 0 (T-shirt/top) against the rest — the objective reached

Every model is measured by the same code (`dev.rein.samples.bench.BinaryObjective`) from its exported weights
(Rein: the Tribuo model's weight matrix; sklearn: `coef_`, `intercept_`; liblinear: its model file):

    J(w, b) = (1/n) Σᵢ log(1 + exp(−yᵢ (w·xᵢ + b))) + (λ/2)·‖w‖²,   λ = {lambda}, bias not penalized,

over the {fashion_train} training examples; lower is better. Tribuo's `LogMulticlass` trains a two-row softmax
(w₀, w₁) on a binary task; its decision function is the binary model w = w₁ − w₀ (and b = b₁ − b₀), which is
what is measured. Rein's penalty covers both rows, and at the optimum w₁ = −w₀ = w/2, so `l2(lambda=λ')` on the
rows is (λ'/4)‖w‖² on w: Rein is trained with `l2(lambda={lambda2})` = 2λ so that it minimises exactly J. sklearn:
`penalty="l2", alpha=λ`, {quality_epochs} epochs, both schedules; liblinear: `-s 0 -c 1/(λ·n) -B 10` (its own
optimum differs from J's only by the small penalty on the bias). The gap to the lowest value is in brackets.

{objective}

## 3. Sparsity: L1 on a wide set, every optimiser × mode

A generated set (`benchmarks/wide.py`, seed 7): {wide_train} training and {wide_test} test examples,
{wide_features} features, every one N(0, 1) in every example, of which {wide_informative} carry signal (weights of
size 1 to 2); label = sign(w·x + N(0, 0.5²)). L1 with λ = {wide_lambda} for every tool (the objective mean log loss
+ λ‖w‖₁; liblinear and saga `C = 1/(λ·n)`). Rein trains a two-row softmax, on which L1 over both rows is the same
objective (at the optimum the rows are ±w/2). "Exact zeros" is the share of weights that are exactly 0 (biases
excluded).

{wide}

Why `mode=auto` is what it is, from this table: under AdaGrad (the default) per-step proximal steps leave most
noise weights off zero, because one example's gradient on a noise feature is far above λ at every step; charging the
penalty on the accumulated gradients (`cumulative`, AdaGrad's FTRL-Proximal form) gives the zeros and the accuracy,
so auto picks it whenever the spec is all `λ₁|w| + (λ₂/2)w²` terms and no constraint (with `l2` alone for its cost:
parts 1d and 1f). FTRL does the
same by construction. Under plain SGD the same holds for Tsuruoka et al.'s cumulative penalty, but it needs the lazy
engine of a linear model and only pays L1, so auto stays proximal there; `mode=cumulative` is one option away.

### 3c. The default learning rates

`mode=auto`, L1 (λ = {wide_lambda} on the wide set, {lambda} on Fashion-MNIST), {default_epochs} epochs, one example per
step, at several rates:

{rates}

## Notes

- The learning-rate schedules differ between tools except where stated: Rein and sklearn `invscaling` share
  η₀/√t; sklearn `optimal` is its own default; liblinear is a second-order solver run to its tolerance.
- Rein trains one softmax over all classes per pass; sklearn trains one binary model per class, so one of its
  "epochs" is ten passes over the data (one per class). Per-epoch times compare one `max_iter` of each.
- How Rein applies the penalties here: plain SGD with one example per step, `mode=auto` (proximal), lazily on
  sparse steps (Tribuo's loaders drop zero pixels, so Fashion-MNIST arrives sparse too). The live weight matrix is
  Rein's `DenseMatrix` subclass: it stores the weights divided by a running scale (so an L2 step scales every weight
  in O(1)), keeps the L1 thresholds as one running sum with, per weight, the sum it was last exact at (a weight
  whose feature was absent is caught up in O(1) when next read), and does this work inside the forward pass and the update addition Tribuo makes anyway, reading Tribuo's
  sparse arrays directly. Those two passes are cheaper than Tribuo's own generic `DenseMatrix` ones (which go
  through per-entry iterator objects), which is why a regularized epoch can take *less* time than an unregularized
  one: the ratio measures Rein's path against plain Tribuo, not the cost of the penalty arithmetic alone. With
  plain SGD, lazy and eager give the same model to 1e-9 (`LazyTest`). Under adaptive optimisers (AdaGrad, Adam,
  RMSProp) a coupled penalty would change the optimiser's state for every weight, so Rein runs coupled penalties
  there eagerly (exact, O(weights) per step) and only decoupled ones lazily; none of that is measured here.
- `mode=cumulative` rows under SGD apply the L1 part as Tsuruoka et al.'s cumulative penalty, the way sklearn's
  `SGDClassifier` applies `l1` and `elasticnet`: each weight keeps what it has paid and owes the rest, also while it
  sits at zero, so weights the loss pushes off zero only now and then return to it. Under plain SGD it is an option
  (`l1(lambda=..., mode=cumulative)`), not what `mode=auto` picks; its overhead is listed outside the goal. Under
  AdaGrad `cumulative` is the FTRL-Proximal form and what auto picks (part 3).
- `max_norm` is lazy too: Rein recognises a row-norm cap by probing the constraint, keeps each row's squared norm up
  to date as entries change and applies the cap as one scale per row, so it costs O(non-zeros) per step and runs on
  the 1,000,000-feature set. Constraints it does not recognise (e.g. `non_negative`), and `max_norm` combined with
  an L1 penalty, project every weight after every step, O(weights) per step.
- Numbers are from the engine in the commit above; rerun `benchmarks/run.sh` after changing it.
"""

if __name__ == "__main__":
    main()
