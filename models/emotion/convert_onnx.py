# MentalHealthAI - emotion model pipeline. SPDX-License-Identifier: GPL-3.0-or-later
"""Copy the all-MiniLM-L6-v2 ONNX initializers into emotion_model.Encoder and save a PyTorch state dict.

Usage: python3 convert_onnx.py <model.onnx> <out encoder.pt>
The ONNX graph stores Linear weights as unnamed MatMul initializers ('onnx::MatMul_NNN', shape [in, out]);
each is identified by the bias of the Add node that consumes the MatMul output.
"""
import sys

import onnx
import torch
from onnx import numpy_helper

from emotion_model import Encoder


def main(onnx_path, out_path):
    m = onnx.load(onnx_path)
    init = {t.name: numpy_helper.to_array(t) for t in m.graph.initializer}
    consumers = {}
    for n in m.graph.node:
        for i in n.input:
            consumers.setdefault(i, []).append(n)
    weight_of_bias = {}
    for n in m.graph.node:
        if n.op_type == "MatMul" and n.input[1] in init:
            add = consumers[n.output[0]][0]
            assert add.op_type == "Add"
            bias = [i for i in add.input if i in init][0]
            weight_of_bias[bias] = init[n.input[1]].T  # [out, in]

    enc = Encoder()
    sd = {}
    t = lambda a: torch.from_numpy(a.copy())
    sd["word.weight"] = t(init["embeddings.word_embeddings.weight"])
    sd["pos.weight"] = t(init["embeddings.position_embeddings.weight"])
    sd["type0"] = t(init["embeddings.token_type_embeddings.weight"][0])
    sd["ln.weight"] = t(init["embeddings.LayerNorm.weight"])
    sd["ln.bias"] = t(init["embeddings.LayerNorm.bias"])
    names = {
        "attn.query": "attention.self.query", "attn.key": "attention.self.key", "attn.value": "attention.self.value",
        "attn.dense": "attention.output.dense", "inter": "intermediate.dense", "out": "output.dense",
    }
    for i in range(6):
        p = f"encoder.layer.{i}."
        for ours, theirs in names.items():
            b = p + theirs + ".bias"
            sd[f"layers.{i}.{ours}.weight"] = t(weight_of_bias[b])
            sd[f"layers.{i}.{ours}.bias"] = t(init[b])
        sd[f"layers.{i}.attn.ln.weight"] = t(init[p + "attention.output.LayerNorm.weight"])
        sd[f"layers.{i}.attn.ln.bias"] = t(init[p + "attention.output.LayerNorm.bias"])
        sd[f"layers.{i}.ln.weight"] = t(init[p + "output.LayerNorm.weight"])
        sd[f"layers.{i}.ln.bias"] = t(init[p + "output.LayerNorm.bias"])
    missing, unexpected = enc.load_state_dict(sd, strict=True), None
    torch.save(enc.state_dict(), out_path)
    print(f"converted {len(sd)} tensors from {onnx_path} -> {out_path}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
