# MentalHealthAI - emotion model pipeline. SPDX-License-Identifier: GPL-3.0-or-later
"""Export the best checkpoint to TorchScript (step 4 of run.sh).

Usage: python3 export.py [--ckpt work/ckpt/best.pt] [--quick]
  --quick  : smoke test on 300 dev/test rows, writes into work/quick/ instead of the model directory.

Writes emotion-minilm-l6.pt (TorchScript: encoder Linear layers dynamic int8, word embeddings stored fp16) and
tokenizer.json (a copy of the tokenizer the ids were produced with) into the model directory, and into work/:
python_ref.json / python_ref_fp32.json (reference outputs for java/ScoreDjl.java), emotion-fp32-reference.pt
(fp32 TorchScript, parity check only) and export_summary.json (fp32 eager-model metrics, int8-vs-fp32 drift).
The shipped test metrics are computed by report.py from the probabilities DJL produces with the exported file.
"""
import argparse
import copy
import json
import os
import shutil
import time

import numpy as np
import torch
import torch.nn as nn

from common import HERE, WORK, DATA, LABELS28, LABELS_EKMAN, LABELS_SENT, load_split, pad_batch, eval_batches, \
    tune_thresholds, scores, ekman_from_28, sentiment_from_28
from emotion_model import EmotionModel, ServingModel, quantise_for_serving

ARTEFACT = "emotion-minilm-l6.pt"


def log(msg):
    print(time.strftime("%H:%M:%S"), msg, flush=True)


def build_serving(model, quantise=True):
    """fp16-stored word embeddings; encoder Linear layers int8 (per-output-channel weights, dynamic 8-bit
    activations); heads, LayerNorms, position embeddings fp32. quantise=False gives the fp32 reference export."""
    sm = ServingModel(copy.deepcopy(model)).eval()
    return quantise_for_serving(sm) if quantise else torch.jit.script(sm)


def reference_outputs(fn, sents, ver):
    """Per verify sentence: ids and the three heads' probabilities at batch 1 and inside one padded batch."""
    ref = []
    with torch.no_grad():
        for s, ids in zip(sents, ver):
            x = torch.tensor([ids])
            o = fn(x, torch.ones_like(x))
            ref.append({"text": s, "ids": ids, "labels28": o[0][0].tolist(), "ekman": o[1][0].tolist(),
                        "sentiment": o[2][0].tolist()})
        xb, mb = pad_batch(ver)
        ob = fn(xb, mb)
    for i, r in enumerate(ref):
        r["padded_batch"] = {"labels28": ob[0][i].tolist(), "ekman": ob[1][i].tolist(), "sentiment": ob[2][i].tolist()}
    return ref


def run(fn, ids, batch1):
    """Probabilities of the three heads for all rows; batch1=True runs one text per call (as the service does)."""
    out = [np.zeros((len(ids), n), np.float32) for n in (28, 7, 4)]
    batches = [[i] for i in range(len(ids))] if batch1 else eval_batches([len(x) for x in ids])
    with torch.no_grad():
        for b in batches:
            x, m = pad_batch([ids[i] for i in b])
            res = fn(x, m)
            for k in range(3):
                out[k][b] = res[k].numpy()
    return out


def evaluate(dev_probs, test_probs, dev, test):
    """Tune thresholds on dev per head, score test. Returns (metrics, thresholds)."""
    res, ths = {}, {}
    heads = (("labels28", 0, 1, LABELS28), ("ekman", 1, 2, LABELS_EKMAN), ("sentiment", 2, 3, LABELS_SENT))
    for name, k, yk, names in heads:
        th = tune_thresholds(dev_probs[k], dev[yk])
        ths[name] = th
        res[name] = scores(test_probs[k], test[yk], th, names)
        res[name]["dev_macro_f1"] = scores(dev_probs[k], dev[yk], th, names)["macro_f1"]
        res[name]["test_macro_f1_at_0.5"] = scores(test_probs[k], test[yk], np.full(len(names), 0.5), names)["macro_f1"]
    # alternative: Ekman / sentiment derived from the 28-label head (max over mapped labels), for comparison only
    for name, f, yk, names in (("ekman_from_28", ekman_from_28, 2, LABELS_EKMAN),
                               ("sentiment_from_28", sentiment_from_28, 3, LABELS_SENT)):
        dp, tp = f(dev_probs[0]), f(test_probs[0])
        th = tune_thresholds(dp, dev[yk])
        res[name] = scores(tp, test[yk], th, names)
    return res, ths


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", default=os.path.join(WORK, "ckpt", "best.pt"))
    ap.add_argument("--quick", action="store_true")
    a = ap.parse_args()
    torch.set_num_threads(2)
    torch.manual_seed(13)
    outdir = os.path.join(WORK, "quick") if a.quick else HERE
    refdir = outdir if a.quick else WORK
    os.makedirs(outdir, exist_ok=True)

    ck = torch.load(a.ckpt)
    model = EmotionModel()
    model.load_state_dict(ck["model"])
    model.eval()
    dev, test = load_split("dev"), load_split("test")
    if a.quick:
        dev = tuple(x[:300] for x in dev)
        test = tuple(x[:300] for x in test)

    # 1) fp32 eager model (reference numbers; this model is not shipped)
    t0 = time.time()
    sig = lambda x, m: tuple(torch.sigmoid(o) for o in model(x, m))
    fp32_dev, fp32_test = run(sig, dev[0], False), run(sig, test[0], False)
    fp32_metrics, _ = evaluate(fp32_dev, fp32_test, dev, test)
    log(f"fp32 eager (Python, not shipped): test macro-F1 28={fp32_metrics['labels28']['macro_f1']:.4f} "
        f"ekman={fp32_metrics['ekman']['macro_f1']:.4f} sentiment={fp32_metrics['sentiment']['macro_f1']:.4f} "
        f"({time.time() - t0:.0f}s)")

    # 2) export the int8 TorchScript, reload it from disk
    pt_path = os.path.join(outdir, ARTEFACT)
    build_serving(model).save(pt_path)
    shipped = torch.jit.load(pt_path)
    shipped.eval()
    n = min(500, len(test[0]))
    q = run(shipped, test[0][:n], True)
    fid = max(float(np.abs(q[k] - fp32_test[k][:n]).max()) for k in range(3))
    fid_mean = float(np.mean([np.abs(q[k] - fp32_test[k][:n]).mean() for k in range(3)]))
    log(f"int8 TorchScript vs fp32 on the first {n} test rows (Python/qnnpack, batch 1): max |dprob| {fid:.4f}, "
        f"mean {fid_mean:.5f}")

    # 3) tokenizer copy and reference outputs for the Java check
    shutil.copyfile(os.path.join(WORK, "base", "all-minilm-l6-v2-tokenizer.json"), os.path.join(outdir, "tokenizer.json"))
    ver = [[int(t) for t in line.split()] for line in open(os.path.join(WORK, "tok", "verify.ids")).read().splitlines()]
    sents = open(os.path.join(HERE, "verify_sentences.txt"), encoding="utf-8").read().splitlines()
    ref = reference_outputs(shipped, sents, ver)
    top = lambda p, names: names[int(np.argmax(p))]
    for r in ref:
        log(f"  {r['text'][:60]!r:64} -> 28: {top(r['labels28'], LABELS28)}, ekman: {top(r['ekman'], LABELS_EKMAN)}, "
            f"sentiment: {top(r['sentiment'], LABELS_SENT)}")
    with open(os.path.join(refdir, "python_ref.json"), "w") as f:
        json.dump(ref, f)
    # fp32 TorchScript of the same weights (not shipped: too big) for a strict DJL-vs-Python parity check
    fp32_path = os.path.join(refdir, "emotion-fp32-reference.pt")
    build_serving(model, quantise=False).save(fp32_path)
    with open(os.path.join(refdir, "python_ref_fp32.json"), "w") as f:
        json.dump(reference_outputs(torch.jit.load(fp32_path), sents, ver), f)

    with open(os.path.join(refdir, "export_summary.json"), "w") as f:
        json.dump({"fp32_eager": fp32_metrics, "int8_vs_fp32_max_prob_diff": fid, "int8_vs_fp32_mean_prob_diff": fid_mean,
                   "int8_vs_fp32_rows": n, "ckpt_epoch": ck.get("epoch"), "ckpt_dev": ck.get("dev"),
                   "torch": torch.__version__, "quantisation": "dynamic int8, per-channel weights, 8-bit activations"},
                  f, indent=1)
    log(f"exported {pt_path} ({os.path.getsize(pt_path) / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
