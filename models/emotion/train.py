# MentalHealthAI - emotion model pipeline. SPDX-License-Identifier: GPL-3.0-or-later
"""Fine-tune MiniLM-L6 with three heads (28-label, Ekman-7, sentiment-4) on GoEmotions train; resumable.

Usage: python3 train.py            (resumes from work/ckpt/last.pt when it exists)
Writes work/ckpt/last.pt (full training state, every CKPT_SECONDS and at each epoch end),
work/ckpt/best.pt (model weights with the best dev score) and work/train_summary.json.
"""
import json
import math
import os
import random
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

from common import WORK, LABELS28, LABELS_EKMAN, LABELS_SENT, load_split, pad_batch, epoch_batches, eval_batches, \
    tune_thresholds, scores
from emotion_model import EmotionModel

CFG = {
    "seed": 13,
    "epochs": int(os.environ.get("EPOCHS", "4")),
    "batch_size": 32,
    "lr_encoder": 8e-5,
    "lr_heads": 1e-3,
    "weight_decay": 0.01,
    "warmup_frac": 0.06,
    "grad_clip": 1.0,
    "freeze_word_embeddings": True,
    "loss": "BCEWithLogits(28) + BCEWithLogits(ekman7) + BCEWithLogits(sentiment4), equal weights, no pos_weight",
    "threads": int(os.environ.get("TRAIN_THREADS", "2")),
    "ckpt_seconds": 480,
}
CKPT_DIR = os.path.join(WORK, "ckpt")
LAST = os.path.join(CKPT_DIR, "last.pt")
BEST = os.path.join(CKPT_DIR, "best.pt")


def log(msg):
    print(time.strftime("%H:%M:%S"), msg, flush=True)


def atomic_save(obj, path):
    tmp = path + ".tmp"
    torch.save(obj, tmp)
    os.replace(tmp, path)


def predict(model, ids):
    model.eval()
    lengths = [len(x) for x in ids]
    p28 = np.zeros((len(ids), 28), np.float32)
    pe = np.zeros((len(ids), 7), np.float32)
    ps = np.zeros((len(ids), 4), np.float32)
    with torch.no_grad():
        for b in eval_batches(lengths):
            x, m = pad_batch([ids[i] for i in b])
            a, e, s = model(x, m)
            p28[b], pe[b], ps[b] = torch.sigmoid(a).numpy(), torch.sigmoid(e).numpy(), torch.sigmoid(s).numpy()
    model.train()
    return p28, pe, ps


def dev_eval(model, dev):
    ids, y28, ye, ys = dev
    p28, pe, ps = predict(model, ids)
    r = {}
    for name, p, y, names in (("28", p28, y28, LABELS28), ("ekman", pe, ye, LABELS_EKMAN), ("sentiment", ps, ys, LABELS_SENT)):
        s = scores(p, y, tune_thresholds(p, y), names)
        r[name] = {"macro_f1": s["macro_f1"], "micro_f1": s["micro_f1"]}
    r["select"] = (r["28"]["macro_f1"] + r["ekman"]["macro_f1"]) / 2
    return r


def main():
    torch.set_num_threads(CFG["threads"])
    torch.manual_seed(CFG["seed"])
    random.seed(CFG["seed"])
    np.random.seed(CFG["seed"])
    os.makedirs(CKPT_DIR, exist_ok=True)

    train = load_split("train")
    dev = load_split("dev")
    tr_ids, tr28, tre, trs = train
    lengths = [len(x) for x in tr_ids]
    steps_per_epoch = len(epoch_batches(lengths, CFG["batch_size"], CFG["seed"], 0))
    total_steps = steps_per_epoch * CFG["epochs"]
    warmup = int(CFG["warmup_frac"] * total_steps)

    model = EmotionModel()
    model.encoder.load_state_dict(torch.load(os.path.join(WORK, "encoder_init.pt")))
    if CFG["freeze_word_embeddings"]:
        model.encoder.word.weight.requires_grad_(False)
    enc_decay, enc_nodecay, heads = [], [], []
    for n, p in model.named_parameters():
        if not p.requires_grad:
            continue
        if n.startswith("head"):
            heads.append(p)
        elif n.endswith("bias") or ".ln." in n or n.startswith("encoder.ln") or n.endswith("type0"):
            enc_nodecay.append(p)
        else:
            enc_decay.append(p)
    opt = torch.optim.AdamW([
        {"params": enc_decay, "lr": CFG["lr_encoder"], "weight_decay": CFG["weight_decay"]},
        {"params": enc_nodecay, "lr": CFG["lr_encoder"], "weight_decay": 0.0},
        {"params": heads, "lr": CFG["lr_heads"], "weight_decay": CFG["weight_decay"]},
    ])
    base_lrs = [g["lr"] for g in opt.param_groups]

    def set_lr(step):
        f = step / max(1, warmup) if step < warmup else max(0.0, (total_steps - step) / max(1, total_steps - warmup))
        for g, b in zip(opt.param_groups, base_lrs):
            g["lr"] = b * f

    state = {"epoch": 0, "batch": 0, "step": 0, "best": -1.0, "history": [], "train_seconds": 0.0}
    if os.path.exists(LAST):
        ck = torch.load(LAST)
        model.load_state_dict(ck["model"])
        opt.load_state_dict(ck["opt"])
        torch.set_rng_state(ck["torch_rng"])
        state = ck["state"]
        log(f"resumed from {LAST}: epoch {state['epoch']} batch {state['batch']} step {state['step']}")
    else:
        log(f"fresh start; {steps_per_epoch} steps/epoch, {total_steps} total, warm-up {warmup}; cfg {json.dumps(CFG)}")

    def save_last():
        atomic_save({"model": model.state_dict(), "opt": opt.state_dict(), "torch_rng": torch.get_rng_state(),
                     "state": state, "cfg": CFG}, LAST)

    model.train()
    last_ckpt = time.time()
    t_mark, n_mark, loss_acc, loss_n = time.time(), 0, 0.0, 0
    session_start, session_steps0 = time.time(), state["step"]
    while state["epoch"] < CFG["epochs"]:
        batches = epoch_batches(lengths, CFG["batch_size"], CFG["seed"], state["epoch"])
        while state["batch"] < len(batches):
            t0 = time.time()
            b = batches[state["batch"]]
            x, m = pad_batch([tr_ids[i] for i in b])
            set_lr(state["step"])
            a, e, s = model(x, m)
            loss = (F.binary_cross_entropy_with_logits(a, torch.from_numpy(tr28[b]))
                    + F.binary_cross_entropy_with_logits(e, torch.from_numpy(tre[b]))
                    + F.binary_cross_entropy_with_logits(s, torch.from_numpy(trs[b])))
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), CFG["grad_clip"])
            opt.step()
            state["batch"] += 1
            state["step"] += 1
            state["train_seconds"] += time.time() - t0
            loss_acc += loss.item()
            loss_n += 1
            n_mark += len(b)
            if state["step"] % 25 == 0:
                el = time.time() - t_mark
                rate = (state["step"] - session_steps0) / max(1e-9, time.time() - session_start)
                eta = (total_steps - state["step"]) / max(rate, 1e-9)
                log(f"epoch {state['epoch'] + 1}/{CFG['epochs']} step {state['step']}/{total_steps} "
                    f"loss {loss_acc / loss_n:.4f} {n_mark / el:.1f} ex/s lr {opt.param_groups[0]['lr']:.2e} "
                    f"ETA(train) {eta / 60:.1f} min")
                t_mark, n_mark, loss_acc, loss_n = time.time(), 0, 0.0, 0
            if time.time() - last_ckpt > CFG["ckpt_seconds"]:
                save_last()
                last_ckpt = time.time()
                log(f"checkpoint saved (step {state['step']})")
        # end of epoch: dev evaluation, keep best
        r = dev_eval(model, dev)
        r["epoch"] = state["epoch"] + 1
        r["step"] = state["step"]
        state["history"].append(r)
        log(f"DEV epoch {r['epoch']}: 28-label macro-F1 {r['28']['macro_f1']:.4f} micro {r['28']['micro_f1']:.4f} | "
            f"ekman macro {r['ekman']['macro_f1']:.4f} | sentiment macro {r['sentiment']['macro_f1']:.4f} "
            f"(dev-tuned thresholds, optimistic)")
        if r["select"] > state["best"]:
            state["best"] = r["select"]
            state["best_epoch"] = r["epoch"]
            atomic_save({"model": model.state_dict(), "epoch": r["epoch"], "dev": r}, BEST)
            log(f"new best (epoch {r['epoch']}) -> {BEST}")
        state["epoch"] += 1
        state["batch"] = 0
        save_last()
        last_ckpt = time.time()
    with open(os.path.join(WORK, "train_summary.json"), "w") as f:
        json.dump({"cfg": CFG, "state": state, "steps_per_epoch": steps_per_epoch, "total_steps": total_steps,
                   "torch": torch.__version__}, f, indent=1)
    log(f"training done: best epoch {state.get('best_epoch')} select {state['best']:.4f}; "
        f"pure training time {state['train_seconds'] / 60:.1f} min")


if __name__ == "__main__":
    sys.exit(main())
