# MentalHealthAI - emotion model pipeline. SPDX-License-Identifier: GPL-3.0-or-later
"""Check that the converted PyTorch encoder reproduces the ONNX model's last_hidden_state.
Usage: python3 check_conversion.py <encoder_init.pt> <split.ids> <onnx_ref.txt>"""
import sys

import torch

from emotion_model import Encoder

enc = Encoder()
enc.load_state_dict(torch.load(sys.argv[1]))
enc.eval()
ids_lines = open(sys.argv[2]).read().splitlines()
worst = 0.0
with torch.no_grad():
    for r, line in enumerate(open(sys.argv[3])):
        v = line.split()
        n = int(v[0])
        ref = torch.tensor([float(x) for x in v[1:]]).view(n, 384)
        ids = torch.tensor([[int(x) for x in ids_lines[r].split()]])
        out = enc(ids, torch.ones_like(ids))[0]
        worst = max(worst, (out - ref).abs().max().item())
print(f"max |torch - onnx| over {r + 1} rows: {worst:.3g}")
if worst > 1e-3:
    sys.exit("conversion check FAILED")
