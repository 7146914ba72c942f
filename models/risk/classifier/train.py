# MentalHealthAI - risk classifier pipeline. SPDX-License-Identifier: GPL-3.0-or-later
"""Fine-tune MiniLM-L6 (weights converted by the emotion pipeline) with one 3-class softmax head
(crisis/concern/safe) on the risk training sets; 15% stratified validation split for early stopping.

Usage: python3 train.py   -> work/ckpt/best.pt, work/train_summary.json, progress on stdout
"""
import json
import os
import random
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

from risk_common import WORK, EMOTION, CLASSES, SEED, load_rows, stratified_split, pad_batch, RiskModel, predict

CFG = {
    "seed": SEED,
    "epochs": int(os.environ.get("EPOCHS", "5")),
    "batch_size": 16,
    "lr_encoder": 5e-5,
    "lr_head": 1e-3,
    "weight_decay": 0.01,
    "warmup_frac": 0.1,
    "grad_clip": 1.0,
    "freeze_word_embeddings": True,
    "threads": int(os.environ.get("TRAIN_THREADS", "2")),
    "select": "highest validation macro-F1 of the argmax (epoch end); ties: lower validation cross-entropy",
}


def log(msg):
    print(time.strftime("%H:%M:%S"), msg, flush=True)


def main():
    torch.set_num_threads(CFG["threads"])
    torch.manual_seed(CFG["seed"])
    random.seed(CFG["seed"])
    np.random.seed(CFG["seed"])
    os.makedirs(os.path.join(WORK, "ckpt"), exist_ok=True)
    rows = load_rows()
    tr, va = stratified_split(rows)
    tr_ids = [rows[i][3] for i in tr]
    tr_y = np.array([rows[i][2] for i in tr])
    va_ids = [rows[i][3] for i in va]
    va_y = np.array([rows[i][2] for i in va])
    log(f"{len(rows)} messages: train {len(tr)} {np.bincount(tr_y).tolist()}, val {len(va)} {np.bincount(va_y).tolist()} "
        f"(classes {CLASSES})")

    model = RiskModel()
    model.encoder.load_state_dict(torch.load(os.path.join(EMOTION, "work", "encoder_init.pt")))
    if CFG["freeze_word_embeddings"]:
        model.encoder.word.weight.requires_grad_(False)
    dec, nodec, head = [], [], []
    for n, p in model.named_parameters():
        if not p.requires_grad:
            continue
        if n.startswith("head"):
            head.append(p)
        elif n.endswith("bias") or ".ln." in n or n.startswith("encoder.ln") or n.endswith("type0"):
            nodec.append(p)
        else:
            dec.append(p)
    opt = torch.optim.AdamW([
        {"params": dec, "lr": CFG["lr_encoder"], "weight_decay": CFG["weight_decay"]},
        {"params": nodec, "lr": CFG["lr_encoder"], "weight_decay": 0.0},
        {"params": head, "lr": CFG["lr_head"], "weight_decay": CFG["weight_decay"]},
    ])
    base = [g["lr"] for g in opt.param_groups]
    bs = CFG["batch_size"]
    steps_per_epoch = (len(tr) + bs - 1) // bs
    total = steps_per_epoch * CFG["epochs"]
    warm = int(CFG["warmup_frac"] * total)
    step, best, hist, t_start = 0, (-1.0, 0.0), [], time.time()
    for ep in range(CFG["epochs"]):
        model.train()
        rng = np.random.RandomState(CFG["seed"] * 1000 + ep)
        perm = rng.permutation(len(tr))
        acc, n = 0.0, 0
        for s in range(0, len(perm), bs):
            b = perm[s : s + bs]
            x, m = pad_batch([tr_ids[i] for i in b])
            f = step / max(1, warm) if step < warm else max(0.0, (total - step) / max(1, total - warm))
            for g, lr in zip(opt.param_groups, base):
                g["lr"] = lr * f
            loss = F.cross_entropy(model(x, m), torch.from_numpy(tr_y[b]))
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), CFG["grad_clip"])
            opt.step()
            step += 1
            acc += loss.item()
            n += 1
            if step % 20 == 0:
                log(f"epoch {ep + 1}/{CFG['epochs']} step {step}/{total} loss {acc / n:.4f} "
                    f"elapsed {(time.time() - t_start) / 60:.1f} min")
        model.eval()
        p = predict(lambda a, b: torch.softmax(model(a, b), -1), va_ids)
        vloss = float(-np.log(np.maximum(p[np.arange(len(va_y)), va_y], 1e-9)).mean())
        pred = p.argmax(1)
        f1 = []
        for c in range(3):
            tp = int(((pred == c) & (va_y == c)).sum()); fp = int(((pred == c) & (va_y != c)).sum())
            fn = int(((pred != c) & (va_y == c)).sum())
            f1.append(2 * tp / max(1, 2 * tp + fp + fn))
        r = {"epoch": ep + 1, "val_loss": vloss, "val_acc": float((pred == va_y).mean()), "val_f1": f1,
             "val_macro_f1": float(np.mean(f1))}
        hist.append(r)
        log(f"VAL epoch {ep + 1}: loss {vloss:.4f} acc {r['val_acc']:.4f} macro-F1 {r['val_macro_f1']:.4f} "
            f"per-class {[round(v, 3) for v in f1]}")
        key = (round(r["val_macro_f1"], 4), -vloss)
        if key > best:
            best = key
            torch.save({"model": model.state_dict(), "epoch": ep + 1, "val": r}, os.path.join(WORK, "ckpt", "best.pt"))
            log(f"new best epoch {ep + 1}")
    with open(os.path.join(WORK, "train_summary.json"), "w") as f:
        json.dump({"cfg": CFG, "history": hist, "train": len(tr), "val": len(va), "torch": torch.__version__,
                   "minutes": (time.time() - t_start) / 60}, f, indent=1)
    log(f"done in {(time.time() - t_start) / 60:.1f} min")


if __name__ == "__main__":
    sys.exit(main())
