"""Writes src/main/resources/musicnn/bfloat16-cast.pt, the TorchScript module behind MusicnnPrecision.BFLOAT16.

DJL 0.35's PyTorch engine cannot name bfloat16 (NDArray.toType(BFLOAT16) aborts the JVM in its JNI), while every
PyTorch operator it calls takes bfloat16 tensors. This module, with no parameters, is the one cast: float32 in,
bfloat16 out, and back. Run with Debian's python3-torch (1.13; libtorch 2.7 loads it):

    /usr/bin/python3 feature-core/src/main/python/bfloat16_cast.py
"""
import pathlib

import torch


class BFloat16Cast(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.dtype == torch.bfloat16:
            return x.to(torch.float32)
        return x.to(torch.bfloat16)


if __name__ == "__main__":
    out = pathlib.Path(__file__).resolve().parents[1] / "resources" / "musicnn" / "bfloat16-cast.pt"
    torch.jit.script(BFloat16Cast()).save(str(out))
    print(out, out.stat().st_size, "bytes")
