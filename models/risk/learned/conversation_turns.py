# MentalHealthAI - risk classifier data. SPDX-License-Identifier: GPL-3.0-or-later
"""Writes conversation-turns.tsv for finetuned/7 (issue #21): the independent writers' development conversations as
classifier examples, crisis and everyday together (finetuned/6's lesson: everyday negatives alone cost crisis recall).

Input: a dump of every patient turn of the development sets with finetuned/5's probabilities
(columns: id, turn, lang, class, checks, p_crisis, p_concern, lexicon, composite, text), made by the scratch
mining run described in models/risk/MODEL_CARD.md ("Session 14").

- First turns of the crisis classes (blind 1-10, en, es), labelled by their writer's checks on that turn:
  escalation>=high / >=imminent / emergency -> crisis; helplines without an escalation -> concern;
  no-helplines / escalation=none -> safe; a first turn of the screener class its writer did not check either way
  -> concern (the class is "lower-level concern"); otherwise left out. other_language is left out (the classifier reads en/es).
- Everyday turns (everyday 1-11, 13a, 13b; 3 words or more), labelled safe: every turn finetuned/5 read as risk
  (p(crisis) >= 0.5 or p(crisis)+p(concern) >= 0.9, the hard negatives), and a fixed-seed sample of the rest.
- Never: blind 11, blind 12, everyday 12, everyday 14 (held out), or a text already in another training file.

Usage: python3 models/risk/learned/conversation_turns.py DUMP.tsv
"""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "conversation-turns.tsv")
HELD_OUT = ("b11", "b12", "e12-", "e14-")
SAMPLE = 1200
OTHER = ["../devset.tsv", "../blindset.tsv", "../heldout-a.tsv", "train-writer1.tsv", "train-writer2.tsv", "own-examples.tsv",
         "train-writer3.tsv", "../heldout-c.tsv", "../heldout-d.tsv", "../heldout-e.tsv", "train-writer4.tsv", "train-writer5.tsv",
         "train-writer6.tsv", "everyday-negatives.tsv"]
EVAL = ["../testset.tsv", "../heldout-b.tsv", "../heldout-f.tsv", "../heldout-g.tsv", "../heldout-h.tsv", "../heldout-i.tsv",
        "../heldout-j.tsv", "../heldout-k.tsv", "../heldout-l.tsv", "../heldout-m.tsv"]


def texts(files):
    seen = set()
    for rel in files:
        for line in open(os.path.join(HERE, rel), encoding="utf-8"):
            f = line.rstrip("\n").split("\t")
            if len(f) >= 5 and not line.startswith("#"):
                seen.add(f[4].strip().lower())
    return seen


def label(checks):
    c = checks.split()
    if any(x in c for x in ("escalation>=high", "escalation>=imminent", "emergency")):
        return "crisis"
    if "helplines" in c:
        return "concern"
    if "no-helplines" in c or "escalation=none" in c:
        return "safe"
    return None


def main(dump):
    taken = texts(OTHER)
    evaluation = texts(EVAL)
    crisis, hard, rest = [], [], []
    for line in open(dump, encoding="utf-8"):
        cid, turn, lang, cls, checks, pc, pm, _lex, _res, text = line.rstrip("\n").split("\t", 9)
        if cid.startswith(HELD_OUT) or lang not in ("en", "es"):
            continue
        key = text.strip().lower()
        if key in taken or key in evaluation or len(text.split()) < 3:
            continue
        if cls == "everyday":
            (hard if float(pc) >= 0.5 or float(pc) + float(pm) >= 0.9 else rest).append((cid, turn, lang, "safe", "everyday", text))
        elif turn == "1" and cls != "other_language":
            lab = label(checks) or ("concern" if cls == "screener" else None)
            if lab:
                crisis.append((cid, turn, lang, lab, "conversation_first," + cls, text))
        taken.add(key)
    random.Random(7).shuffle(rest)
    rows = crisis + [(a, b, c, d, e + ",hard_negative", f) for a, b, c, d, e, f in hard] + rest[:SAMPLE]
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# The independent writers' development conversations as risk-classifier examples (finetuned/7, issue #21).\n")
        out.write("# Written by models/risk/learned/conversation_turns.py; see its docstring for what is in and what is held out.\n")
        out.write("id\tlabel\ttags\tlang\ttext\n")
        for cid, turn, lang, lab, tags, text in rows:
            out.write(f"{cid}-{turn}\t{lab}\t{tags}\t{lang}\t{text}\n")
    counts = {}
    for r in rows:
        counts[r[3]] = counts.get(r[3], 0) + 1
    print(f"{len(rows)} rows: {counts}; hard negatives {len(hard)}, everyday sampled {min(SAMPLE, len(rest))} of {len(rest)}")


if __name__ == "__main__":
    main(sys.argv[1])
