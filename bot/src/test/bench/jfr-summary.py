#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Where the service's CPU went in a Java Flight Recorder recording (issue #22, docs/performance.md).

Each execution sample (Java code running) and native-method sample (a thread inside JNI, e.g. the
PyTorch forward pass) is attributed to the first category whose package appears in its stack, from
the leaf up: models (DJL, PyTorch, tokenizers, ONNX), risk and dialogue rules (regular expressions
called from org.mhai.dialogue / org.mhai.nlp.risk), JSON, crypto, PostgreSQL client, Vert.x/Netty,
logging, other. Usage: python3 jfr-summary.py recording.jfr
"""
import collections
import json
import subprocess
import sys

CATEGORIES = [
    ("models (DJL/PyTorch/tokenizers)", ("ai.djl", "ai.onnxruntime", "dev.langchain4j", "org.pytorch")),
    ("rules (regex in dialogue/nlp)", ("org.mhai.dialogue.crisis", "org.mhai.nlp.risk.Lexicon", "org.mhai.nlp.text")),
    ("request reader", ("org.mhai.dialogue.understand",)),
    ("JSON", ("com.fasterxml.jackson", "io.vertx.core.json")),
    ("crypto", ("javax.crypto", "sun.security", "com.sun.crypto", "org.bouncycastle", "org.mhai.bot.crypto")),
    ("PostgreSQL client", ("io.vertx.pgclient", "io.vertx.sqlclient", "org.postgresql")),
    ("embedded PostgreSQL wrapper", ("io.zonky", "de.flapdoodle")),
    ("logging", ("org.slf4j", "ch.qos.logback", "org.apache.logging")),
    ("Vert.x / Netty", ("io.vertx", "io.netty")),
    ("dialogue (other)", ("org.mhai.dialogue",)),
    ("service (other org.mhai)", ("org.mhai",)),
]


def category(frames):
    names = [f.get("method", {}).get("type", {}).get("name", "") for f in frames]
    for label, prefixes in CATEGORIES:
        if any(n.startswith(p) for n in names for p in prefixes):
            return label
    return "JVM / other"


def main(path):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "96", "--events",
                          "jdk.ExecutionSample,jdk.NativeMethodSample", path],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    counts = collections.Counter()
    native = collections.Counter()
    for e in events:
        frames = (e.get("values", {}).get("stackTrace") or {}).get("frames", [])
        c = category(frames)
        if e["type"] == "jdk.NativeMethodSample":
            thread = (e["values"].get("sampledThread") or {}).get("javaName", "") or ""
            # Threads parked in epoll/accept are idle, not working: count only worker threads inside JNI.
            top = frames[0]["method"]["name"] if frames else ""
            if top in ("epollWait", "accept", "poll", "park", "read0", "socketRead0") or "eventloop" in thread.lower():
                continue
            native[c] += 1
        counts[c] += 1
    total = sum(counts.values()) or 1
    print("| where | samples | share |")
    print("|---|---|---|")
    for c, n in counts.most_common():
        print(f"| {c} | {n} | {100.0 * n / total:.1f} % |")
    print(f"\n{total} samples ({sum(native.values())} inside native methods, e.g. the PyTorch forward pass)")


if __name__ == "__main__":
    main(sys.argv[1])
