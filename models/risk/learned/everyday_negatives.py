# MentalHealthAI - risk classifier data. SPDX-License-Identifier: GPL-3.0-or-later
"""Writes everyday-negatives.tsv: the patient turns (3 words or more, de-duplicated) of the independent writers'
everyday conversations, labelled safe, as training negatives for the fine-tuned risk classifier (issue #21, H12).
conversations-everyday3.txt is deliberately left out: it stays an evaluation set.

Usage (from the repository root): python3 models/risk/learned/everyday_negatives.py
"""
import os

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
SRC = os.path.join(ROOT, "dialogue", "src", "test", "resources", "clinical")
SETS = ["conversations-everyday.txt", "conversations-everyday2.txt"]
OUT = os.path.join(ROOT, "models", "risk", "learned", "everyday-negatives.tsv")


def main():
    seen, n = set(), 0
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# Patient turns of the independent writers' everyday conversations (dialogue/src/test/resources/clinical/\n")
        out.write("# " + " and ".join(SETS) + "), each labelled safe by its writer's checks (no screener, no escalation).\n")
        out.write("# Training negatives for the risk classifier finetuned/5 (issue #21, hazard H12). conversations-everyday3.txt\n")
        out.write("# is NOT here: it stays an evaluation set. Written by models/risk/learned/everyday_negatives.py.\n")
        out.write("id\tlabel\ttags\tlang\ttext\n")
        for name in SETS:
            cid, loc, k = None, None, 0
            with open(os.path.join(SRC, name), encoding="utf-8") as f:
                for line in f:
                    line = line.rstrip("\n")
                    if line.startswith("### id:"):
                        cid, k = line.split(":", 1)[1].strip(), 0
                    elif line.startswith("locale:"):
                        loc = line.split(":", 1)[1].strip()
                    elif line.startswith("> "):
                        k += 1
                        text = line[2:].strip().replace("\t", " ")
                        if len(text.split()) < 3 or text.lower() in seen:
                            continue
                        seen.add(text.lower())
                        n += 1
                        out.write(f"{cid}-{k}\tsafe\teveryday\t{loc[:2]}\t{text}\n")
    print(f"{OUT}: {n} messages")


if __name__ == "__main__":
    main()
