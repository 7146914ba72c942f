# MentalHealthAI - risk classifier pipeline. SPDX-License-Identifier: GPL-3.0-or-later
"""Shared helpers for train.py / export.py: data, split, model. The encoder is the emotion pipeline's
(models/emotion/emotion_model.py, imported by path, not copied)."""
import os
import sys
from typing import List

import numpy as np
import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, "work")
EMOTION = os.path.normpath(os.path.join(HERE, "..", "..", "emotion"))
sys.path.insert(0, EMOTION)
from emotion_model import Encoder, HIDDEN, Fp16WordEmbedding, DynQLinear8, pad_batch, quantise_for_serving  # noqa: E402,F401

CLASSES = ["crisis", "concern", "safe"]
SEED = 17
VAL_FRAC = 0.15


def load_rows():
    """(src, id, label index, ids) for every pre-tokenised training message (work/tok/train_all.tsv)."""
    rows = []
    with open(os.path.join(WORK, "tok", "train_all.tsv"), encoding="utf-8") as f:
        for line in f:
            src, mid, label, ids = line.rstrip("\n").split("\t")
            rows.append((src, mid, CLASSES.index(label), [int(t) for t in ids.split()]))
    return rows


def stratified_split(rows, frac=VAL_FRAC, seed=SEED):
    """Indices (train, val): `frac` of each label, seeded."""
    rng = np.random.RandomState(seed)
    tr, va = [], []
    for c in range(len(CLASSES)):
        idx = [i for i, r in enumerate(rows) if r[2] == c]
        idx = list(rng.permutation(idx))
        k = int(round(frac * len(idx)))
        va += idx[:k]
        tr += idx[k:]
    return sorted(tr), sorted(va)




class RiskModel(nn.Module):
    """MiniLM-L6 encoder, masked mean pooling, one 3-class linear head (logits)."""

    def __init__(self):
        super().__init__()
        self.encoder = Encoder()
        self.dropout = nn.Dropout(0.1)
        self.head = nn.Linear(HIDDEN, len(CLASSES))

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        h = self.encoder(input_ids, attention_mask)
        m = attention_mask.to(h.dtype).unsqueeze(-1)
        p = (h * m).sum(1) / m.sum(1).clamp(min=1.0)
        return self.head(self.dropout(p))


class ServingRisk(nn.Module):
    """Exported: forward(input_ids int64 [B,T], attention_mask int64 [B,T]) -> softmax probs float32 [B,3]
    in CLASSES order (crisis, concern, safe)."""

    def __init__(self, m: RiskModel):
        super().__init__()
        self.encoder = m.encoder
        self.head = m.head

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        h = self.encoder(input_ids, attention_mask)
        m = attention_mask.to(h.dtype).unsqueeze(-1)
        p = (h * m).sum(1) / m.sum(1).clamp(min=1.0)
        return torch.softmax(self.head(p), dim=-1)


def predict(fn, ids: List[List[int]], batch=64):
    out = np.zeros((len(ids), len(CLASSES)), np.float32)
    order = np.argsort([len(x) for x in ids], kind="stable")
    with torch.no_grad():
        for s in range(0, len(order), batch):
            b = order[s : s + batch]
            x, m = pad_batch([ids[i] for i in b])
            out[b] = fn(x, m).numpy()
    return out
