# MentalHealthAI - emotion model pipeline. SPDX-License-Identifier: GPL-3.0-or-later
"""Data loading, batching and metrics shared by train.py and export.py."""
import json
import os

import numpy as np
import torch

from emotion_model import pad_batch  # noqa: F401  (re-exported for train.py and export.py)

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, "work")
DATA = os.environ.get("GOEMOTIONS_DIR", "/work/shared/data/goemotions")


def read_labels_txt(path):
    with open(path, encoding="utf-8") as f:
        return [x.strip() for x in f.read().split("\n") if x.strip()]


LABELS28 = read_labels_txt(os.path.join(DATA, "original", "labels.txt"))
LABELS_EKMAN = read_labels_txt(os.path.join(DATA, "ekman", "labels.txt"))
LABELS_SENT = read_labels_txt(os.path.join(DATA, "group", "labels.txt"))


def _multi_hot(path, n):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            y = np.zeros(n, dtype=np.float32)
            for i in parts[1].split(","):
                y[int(i)] = 1.0
            rows.append(y)
    return np.stack(rows)


def load_split(split):
    """Returns (list of id lists, Y28, Yekman, Ysent) for a split; ids were written by java/Pretokenize.java."""
    with open(os.path.join(WORK, "tok", split + ".ids")) as f:
        ids = [[int(x) for x in line.split()] for line in f.read().splitlines()]
    y28 = _multi_hot(os.path.join(DATA, "original", split + ".tsv"), len(LABELS28))
    ye = _multi_hot(os.path.join(DATA, "ekman", split + ".tsv"), len(LABELS_EKMAN))
    ys = _multi_hot(os.path.join(DATA, "group", split + ".tsv"), len(LABELS_SENT))
    assert len(ids) == len(y28) == len(ye) == len(ys), split
    return ids, y28, ye, ys




def epoch_batches(lengths, batch_size, seed, epoch, chunk_batches=50):
    """Deterministic length-bucketed batches for one epoch: shuffle, sort by length inside chunks, shuffle batches."""
    rng = np.random.RandomState(seed * 1000 + epoch)
    perm = rng.permutation(len(lengths))
    batches = []
    chunk = batch_size * chunk_batches
    for s in range(0, len(perm), chunk):
        c = perm[s : s + chunk]
        c = c[np.argsort([lengths[i] for i in c], kind="stable")]
        batches.extend(c[j : j + batch_size] for j in range(0, len(c), batch_size))
    order = rng.permutation(len(batches))
    return [batches[i] for i in order]


def eval_batches(lengths, batch_size=64):
    order = np.argsort(lengths, kind="stable")
    return [order[j : j + batch_size] for j in range(0, len(order), batch_size)]


# ---------------------------------------------------------------- metrics
def f1_counts(pred, gold):
    tp = (pred & gold).sum(0).astype(np.float64)
    fp = (pred & ~gold).sum(0).astype(np.float64)
    fn = (~pred & gold).sum(0).astype(np.float64)
    return tp, fp, fn


def f1_from_counts(tp, fp, fn):
    d = 2 * tp + fp + fn
    return np.where(d > 0, 2 * tp / np.maximum(d, 1e-12), 0.0)


GRID = np.round(np.arange(0.02, 0.99, 0.01), 2)


def tune_thresholds(probs, gold):
    """Per-label threshold maximising that label's F1 (on dev)."""
    gold = gold > 0.5
    th = np.zeros(probs.shape[1])
    for j in range(probs.shape[1]):
        p = probs[:, j][:, None] >= GRID[None, :]
        g = gold[:, j][:, None]
        tp = (p & g).sum(0)
        fp = (p & ~g).sum(0)
        fn = (~p & g).sum(0)
        f1 = 2 * tp / np.maximum(2 * tp + fp + fn, 1)
        th[j] = GRID[int(np.argmax(f1))]
    return th


def scores(probs, gold, th, names):
    pred = probs >= th[None, :]
    gold = gold > 0.5
    tp, fp, fn = f1_counts(pred, gold)
    per = f1_from_counts(tp, fp, fn)
    prec = np.where(tp + fp > 0, tp / np.maximum(tp + fp, 1), 0.0)
    rec = np.where(tp + fn > 0, tp / np.maximum(tp + fn, 1), 0.0)
    micro = float(f1_from_counts(tp.sum(), fp.sum(), fn.sum()))
    return {
        "macro_f1": float(per.mean()),
        "micro_f1": micro,
        "per_label": {n: {"f1": float(per[i]), "precision": float(prec[i]), "recall": float(rec[i]),
                          "support": int(gold[:, i].sum()), "threshold": float(th[i])} for i, n in enumerate(names)},
    }


def ekman_from_28(probs28):
    """Alternative Ekman-7 probabilities derived from the 28-label head: max over the mapped labels."""
    mapping = json.load(open(os.path.join(DATA, "ekman_mapping.json")))
    out = np.zeros((probs28.shape[0], len(LABELS_EKMAN)), dtype=np.float32)
    for k, e in enumerate(LABELS_EKMAN):
        members = ["neutral"] if e == "neutral" else mapping[e]
        out[:, k] = probs28[:, [LABELS28.index(m) for m in members]].max(1)
    return out


def sentiment_from_28(probs28):
    mapping = json.load(open(os.path.join(DATA, "sentiment_dict.json")))
    out = np.zeros((probs28.shape[0], len(LABELS_SENT)), dtype=np.float32)
    for k, e in enumerate(LABELS_SENT):
        members = ["neutral"] if e == "neutral" else mapping[e]
        out[:, k] = probs28[:, [LABELS28.index(m) for m in members]].max(1)
    return out
