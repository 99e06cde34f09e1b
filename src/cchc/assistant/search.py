"""Hybrid search: lexical (database full text, scored BM25) + semantic (e5 vectors), fused by rank.

The index of the versions in force is held in memory per process (2,000 procedures × 1 passage
× 384 floats ≈ 3 MB) and rebuilt when the stored index changes. Each question costs one small
aggregate query, one full-text query and one embedding.
"""
from __future__ import annotations

import math
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np
from django.db.models import Count, Max
from django.utils import timezone
from rapidfuzz import process
from rapidfuzz.distance import OSA

from cchc.catalog.selectors import published_versions

from . import embedder, lexical
from .models import IndexEntry
from .services import LAYOUT
from .text import (
    COLLOQUIAL,
    STOPWORDS,
    SYLLABLE,
    asking_words,
    expand_colloquial,
    fold,
    has_diacritics,
    phrases,
    spelling_variant,
    unasked_variant,
    variants_in,
    without_fillers,
    words,
)

# Reciprocal rank fusion (Cormack et al. 2009): robust to the two scores living on different scales.
RRF_K = 60
DEPTH = 50  # ranks kept from each list
# Three lists are fused: BM25 over the whole text, BM25 over what the procedure is called (name and
# search keywords), and the vectors. The
# semantic list weighs as much as the two lexical ones together: neither kind outvotes the other.
SEMANTIC_WEIGHT = 2.0
VARIANT_FACTOR = 0.9  # a variant the question does not ask for falls behind its first-issue sibling

# Calibrated on the development half of the evaluation set (docs/assistant-eval.md, round 4): its
# 29 off-topic questions reached at most 0.866 cosine, 99 % of the answerable ones at least 0.866;
# word coverage (by IDF) only counts when nearly all the question's words are in the best hit.
# Below both thresholds the best match is no better than for an unrelated question.
MIN_COSINE = 0.86
MIN_COVERAGE = 0.9

# The model's time grows by about 2 ms a token on this machine's CPU: a question longer than this
# goes to the model without its filler words and question phrases (the lexical side keeps every
# word). From 24 up, no dev question ranked differently (docs/assistant-eval.md, round 4).
MODEL_TOKENS = 24

BM25_K1, BM25_B = 1.2, 0.75
# BM25F (Robertson et al. 2004): a word counts as many times as the weight of the line it is on
# (``services.LAYOUT``). Chosen by cross-validation inside the dev half (docs/assistant-eval.md).
FIELD_WEIGHTS = {"name": 2.0, "keywords": 2.0, "field": 3.0, "agency": 1.0, "result": 3.0, "subjects": 1.0,
                 "requirements": 1.0, "components": 1.0}
RETRIEVAL_MAX_DF = 0.2  # single words in more than 20 % of the procedures do not fetch candidates


def grams(tokens: list[str]) -> list[str]:
    """Words and two-word phrases (Vietnamese words are often two syllables: "khai sinh")."""
    return tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]


@dataclass
class Index:
    key: tuple
    ids: list[int]
    codes: list[str]
    names: list[str]
    levels: list[str]
    passages: list[list[str]]
    keywords: list[list[str]]     # search keyword phrases of each entry, as written
    vectors: np.ndarray           # all passages, stacked
    starts: np.ndarray            # first passage row of each entry
    terms: list[Counter]          # words and phrases of each entry (folded)
    lengths: np.ndarray
    df: Counter
    folded_names: list[str]
    variants: list[list[str]]     # variant words of each name ("gia han", "cap lai"…)
    name_terms: list[Counter]     # words and phrases of the name and the search keywords
    name_lengths: np.ndarray
    name_df: Counter
    vocab: list[str]              # folded single words, for typo correction
    accents: dict[str, str]       # folded word or phrase -> its most frequent written form
    position: dict[int, int] = field(default_factory=dict)
    # Precomputed for scoring with numpy instead of Python loops over the candidates:
    postings: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)       # term -> (rows, tf)
    name_postings: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    norms: np.ndarray | None = None         # BM25 length normalisation of each entry (whole text)
    name_norms: np.ndarray | None = None    # ... of each name
    level_array: np.ndarray | None = None

    @property
    def size(self) -> int:
        return len(self.ids)

    def idf(self, term: str, df: Counter | None = None) -> float:
        n = (self.df if df is None else df).get(term, 0)
        return math.log(1 + (self.size - n + 0.5) / (n + 0.5))


_lock = threading.Lock()
_current: Index | None = None
_checked_at = 0.0
CHECK_SECONDS = 2.0  # how stale the in-memory index may be for changes made by other processes


def forget() -> None:
    """Check the stored index on the next question (called when this process writes entries)."""
    global _checked_at
    _checked_at = 0.0


def _entries():
    return IndexEntry.objects.filter(version__in=published_versions())


def current() -> Index:
    """The in-memory index, rebuilt when entries were added, changed or left force."""
    global _current, _checked_at
    now = time.monotonic()
    if _current is not None and now - _checked_at < CHECK_SECONDS and _current.key[0] == timezone.localdate():
        return _current
    stats = _entries().aggregate(n=Count("pk"), last=Max("indexed_at"), top=Max("pk"))
    key = (timezone.localdate(), stats["n"], stats["last"], stats["top"])
    if _current is None or _current.key != key:
        with _lock:
            if _current is None or _current.key != key:
                _current = build(key)
    _checked_at = now
    return _current


def build(key: tuple) -> Index:
    rows = list(_entries().select_related("version__procedure").order_by("pk").values_list(
        "pk", "version__procedure__code", "version__name", "version__level", "body", "passages", "vectors"))
    ids, codes, names, levels, passages, keywords, blocks, starts = [], [], [], [], [], [], [], []
    terms, weights, name_terms = [], [], []
    df: Counter = Counter()
    written: dict[str, Counter] = defaultdict(Counter)
    row = 0
    for pk, code, name, level, body, ps, raw in rows:
        ids.append(pk)
        codes.append(code)
        names.append(name)
        levels.append(level)
        passages.append(ps)
        lines = body.split("\n")
        keywords.append(phrases(lines[1] if len(lines) > 1 else ""))
        name_terms.append(called(name, keywords[-1]))
        starts.append(row)
        blocks.append(embedder.from_bytes(raw, len(ps)))
        row += len(ps)
        t, weighted = Counter(), Counter()
        for i, line in enumerate(body.split("\n")):
            weight = FIELD_WEIGHTS[LAYOUT[min(i, len(LAYOUT) - 1)]]
            if not weight:
                continue
            for part in line.split(";"):       # no phrase across two fees or two laws
                raw_words = [w for w in part.replace(",", " ").replace(".", " ").split() if w]
                folded = words(part)
                g = grams(folded)
                t.update(g)
                for term in g:
                    weighted[term] += weight
                if len(raw_words) == len(folded):  # map folded forms back to how they are written
                    for a, b in zip(g, grams([w.lower().strip("();:") for w in raw_words]), strict=True):
                        written[a][b] += 1
        terms.append(t)
        weights.append(weighted)
        df.update(t.keys())
    name_df: Counter = Counter()
    for t in name_terms:
        name_df.update(t.keys())
    vectors = np.vstack(blocks) if blocks else np.zeros((0, embedder.DIM), dtype=np.float32)
    index = Index(
        key=key, ids=ids, codes=codes, names=names, levels=levels, passages=passages, keywords=keywords,
        vectors=vectors,
        starts=np.array(starts, dtype=np.int64), terms=terms,
        lengths=np.array([sum(w.values()) for w in weights], dtype=np.float64),
        df=df, folded_names=[fold(n) for n in names], variants=[variants_in(fold(n)) for n in names],
        name_terms=name_terms, name_df=name_df,
        name_lengths=np.array([sum(t.values()) for t in name_terms], dtype=np.float64),
        vocab=sorted({g for g in df if " " not in g}),
        accents={k: c.most_common(1)[0][0] for k, c in written.items()},
    )
    index.position = {pk: i for i, pk in enumerate(ids)}
    index.postings, index.norms = _postings(weights, index.lengths)
    index.name_postings, index.name_norms = _postings(name_terms, index.name_lengths)
    index.level_array = np.array(levels, dtype=object)
    return index


def called(name: str, keywords: list[str]) -> Counter:
    """Words and phrases of what a procedure is called: its name and its search keywords, each
    keyword phrase apart, so that no phrase spans two of them."""
    out = Counter(grams(words(name)))
    for phrase in keywords:
        out.update(grams(words(phrase)))
    return out


def _postings(docs: list[Counter], lengths: np.ndarray) -> tuple[dict, np.ndarray]:
    """Inverted lists (rows and term frequencies as arrays) and the BM25 length factor of each row."""
    rows: dict[str, list[int]] = defaultdict(list)
    tfs: dict[str, list[int]] = defaultdict(list)
    for i, doc in enumerate(docs):
        for t, f in doc.items():
            rows[t].append(i)
            tfs[t].append(f)
    postings = {t: (np.array(r, dtype=np.int32), np.array(tfs[t], dtype=np.float32)) for t, r in rows.items()}
    avg = float(lengths.mean()) if len(lengths) else 1.0
    norms = (BM25_K1 * (1 - BM25_B + BM25_B * lengths / (avg or 1.0))).astype(np.float32)
    return postings, norms


# --- the question ----------------------------------------------------------------------------

@dataclass
class Query:
    text: str                      # as asked
    tokens: list[str]              # folded, typos corrected, colloquial words expanded
    content: list[str]             # tokens that say what the matter is (no stopwords)
    stop: list[bool]               # per token: a stopword or part of a question phrase ("ở đâu")
    corrected: dict[str, str]      # typo -> word of the catalogue
    colloquial: list[str]          # colloquial words recognised
    for_model: str                 # text given to the embedding model (diacritics restored if absent)


def correct(token: str, index: Index, before: str = "", after: str = "") -> str | None:
    """The catalogue word a typo stands for ("sihn" → "sinh"); None when it is not a typo.

    Only words that cannot be Vietnamese syllables are corrected: a real word outside the
    catalogue ("vợ", "chồng") is left alone rather than turned into a near neighbour. Among the
    words one edit away, the one that makes a known phrase with a neighbouring word wins ("doc
    thaan" → "độc thân", not "thuận"), then a doubled key dropped ("matt" → "mat"), then the
    most frequent.
    """
    if token in index.df or token.isdigit():
        return None
    other = spelling_variant(token)
    if other in index.df:                 # "lí lịch" in the question, "lý lịch" in the catalogue
        return other
    if len(token) < 3 or SYLLABLE.match(token):
        return None
    hits = process.extract(token, index.vocab, scorer=OSA.distance, score_cutoff=1, limit=20)
    if not hits:
        return None
    best = min(h[1] for h in hits)
    undoubled = {token[:i] + token[i + 1:] for i in range(1, len(token)) if token[i] == token[i - 1]}

    def likelihood(w: str) -> tuple:
        phrase = any(p in index.df or p in COLLOQUIAL for p in (f"{before} {w}", f"{w} {after}"))
        return phrase, w in undoubled, index.df[w]

    return max((h[0] for h in hits if h[1] == best), key=likelihood)


def restore_diacritics(tokens: list[str], index: Index) -> str:
    """Put back the catalogue's diacritics on a question typed without them ("dang ky" → "đăng ký")."""
    out, i = [], 0
    while i < len(tokens):
        pair = " ".join(tokens[i:i + 2])
        if i + 1 < len(tokens) and pair in index.accents:
            out.append(index.accents[pair])
            i += 2
            continue
        out.append(index.accents.get(tokens[i], tokens[i]))
        i += 1
    return " ".join(out)


def parse(text: str, index: Index) -> Query:
    raw = words(text)
    corrected: dict[str, str] = {}
    fixed = []
    for i, t in enumerate(raw):
        c = correct(t, index, fixed[-1] if fixed else "", raw[i + 1] if i + 1 < len(raw) else "")
        if c:
            corrected[t] = c
        fixed.append(c or t)
    expanded, colloquial = expand_colloquial(" ".join(fixed))
    tokens = expanded.split()
    asking = asking_words(" ".join(tokens))  # "cần giấy tờ gì", "ở đâu": how it is asked, not what
    stop = [t in STOPWORDS or i in asking for i, t in enumerate(tokens)]
    content = [t for t, s in zip(tokens, stop, strict=True) if not s]
    # The colloquial words' meaning is not appended for the model: the procedures' search keywords
    # carry it on the passage side, and the appendix cost a quarter more tokens for the same ranking
    # on the dev questions (docs/assistant-eval.md, round 4).
    for_model = text if has_diacritics(text) else restore_diacritics(fixed, index)
    if embedder.tokens(for_model) > MODEL_TOKENS:
        for_model = without_fillers(for_model, known=index.df.__contains__)
    return Query(text=text, tokens=tokens, content=content, stop=stop, corrected=corrected, colloquial=colloquial,
                 for_model=for_model)


def query_terms(q: Query) -> list[str]:
    """Words and the phrases of adjacent content words, each once."""
    seen, out = set(), []
    toks = q.tokens
    pairs = [f"{a} {b}" for a, b, sa, sb in zip(toks, toks[1:], q.stop, q.stop[1:], strict=False) if not (sa or sb)]
    for t in q.content + pairs:
        if t not in seen:
            seen.add(t)
            out.append(t)
    return out


# --- ranking ---------------------------------------------------------------------------------

@dataclass
class Hit:
    version_id: int
    position: int
    score: float                       # fused (reciprocal ranks)
    lexical_rank: int | None
    semantic_rank: int | None
    cosine: float
    matched: list[str]                 # catalogue words found (folded)
    similar: str | None                # the catalogue phrase the question is closest to (``similar_phrase``)


@dataclass
class Ranking:
    query: Query
    hits: list[Hit]
    best_cosine: float
    coverage: float                    # share of the question's content words in the best hit, by IDF

    @property
    def confident(self) -> bool:
        return bool(self.hits) and (self.best_cosine >= MIN_COSINE or self.coverage >= MIN_COVERAGE)


def bm25(index: Index, terms: list[str], candidates: np.ndarray, *, names: bool = False) -> np.ndarray:
    """Okapi BM25 of every entry (0 outside ``candidates``, a boolean mask), over the whole text or the names."""
    postings, norms, df = ((index.name_postings, index.name_norms, index.name_df) if names
                           else (index.postings, index.norms, index.df))
    scores = np.zeros(index.size, dtype=np.float32)
    for t in terms:
        hit = postings.get(t)
        if hit is not None:
            rows, tf = hit
            scores[rows] += index.idf(t, df) * tf * (BM25_K1 + 1) / (tf + norms[rows])
    scores[~candidates] = 0.0
    return scores


def top(scores: np.ndarray, depth: int = DEPTH) -> list[int]:
    """Rows of the ``depth`` best positive scores, best first (ties by row, as a stable sort would)."""
    rows = np.flatnonzero(scores > 0)
    order = rows[np.argsort(-scores[rows], kind="stable")]
    return [int(p) for p in order[:depth]]


def rank(text: str, *, level: str | None = None, limit: int = 5, index: Index | None = None) -> Ranking:
    index = index or current()
    q = parse(text, index)
    if index.size == 0:
        return Ranking(q, [], 0.0, 0.0)
    allowed = None if not level else index.level_array == level
    terms = query_terms(q)

    # lexical: the database finds candidates, BM25 (same on both engines) orders them
    # Words found in most procedures ("cấp", "giấy", "đăng ký") would make every row a candidate:
    # they still weigh in BM25 below, but only the telling ones ask the database.
    telling = [t for t in terms if " " in t or index.df.get(t, 0) <= RETRIEVAL_MAX_DF * index.size]
    found = np.zeros(index.size, dtype=bool)
    found[[index.position[v] for v in lexical.candidates(telling or terms) if v in index.position]] = True
    if allowed is not None:
        found &= allowed
    lex_order = top(bm25(index, terms, found))
    name_order = top(bm25(index, terms, found, names=True))

    # semantic: best passage of each entry. einsum, not @: numpy's BLAS would start its threads
    # for this small product, and on a busy 2-core machine they made it 20-40x slower (6 ms vs 0.2).
    sims = np.einsum("ij,j->i", index.vectors, embedder.query(q.for_model))
    per_entry = np.maximum.reduceat(sims, index.starts) if len(sims) else sims
    if allowed is not None:
        per_entry = np.where(allowed, per_entry, np.float32(-1.0))
    sem_order = [int(p) for p in np.argsort(-per_entry, kind="stable")[:DEPTH] if per_entry[p] > -1]

    fused: dict[int, float] = defaultdict(float)
    lex_rank = {p: r for r, p in enumerate(lex_order, start=1)}
    sem_rank = {p: r for r, p in enumerate(sem_order, start=1)}
    for ranks, weight in ((lex_rank, 1.0), ({p: r for r, p in enumerate(name_order, start=1)}, 1.0),
                          (sem_rank, SEMANTIC_WEIGHT)):
        for p, r in ranks.items():
            fused[p] += weight / (RRF_K + r)
    asked = set(q.tokens)
    for p in fused:
        if index.variants[p] and unasked_variant(index.folded_names[p], asked, index.variants[p]):
            fused[p] *= VARIANT_FACTOR
    order = sorted(fused, key=lambda p: (-fused[p], sem_rank.get(p, DEPTH + 1)))[:limit]

    content = set(q.content)
    hits = []
    for p in order:
        matched = [t for t in terms if t in index.terms[p]]
        hits.append(Hit(version_id=index.ids[p], position=p, score=fused[p], lexical_rank=lex_rank.get(p),
                        semantic_rank=sem_rank.get(p), cosine=float(per_entry[p]), matched=matched,
                        similar=similar_phrase(index, p, content, sem_rank.get(p))))
    coverage = 0.0
    if hits and content:  # weighted by rarity: "giá" or "báo" found somewhere says little, "khai sinh" a lot
        weight = {t: index.idf(t) for t in content}
        coverage = sum(w for t, w in weight.items() if t in index.terms[hits[0].position]) / sum(weight.values())
    best_cosine = float(per_entry.max()) if len(per_entry) else 0.0
    return Ranking(q, hits, best_cosine, coverage)


def similar_phrase(index: Index, p: int, content: set[str], semantic_rank: int | None) -> str | None:
    """Why a hit may be right besides the words it shares: the search keyword sharing most of the
    question's words ("mở quán ăn"), else its name when the meaning found it (among the first ten)."""
    best, shared = None, 0
    for phrase in index.keywords[p]:
        n = len(content & set(words(phrase)))
        if n > shared:
            best, shared = phrase, n
    if best:
        return best
    return index.names[p] if semantic_rank and semantic_rank <= 10 else None


def explain_words(hit: Hit, index: Index, query: Query) -> list[str]:
    """The question's words found in a hit, joined into runs and written as in the catalogue.

    "dang ky khai tu cho bo" against "Đăng ký khai tử" gives ["đăng ký khai tử"].
    """
    matched = set(hit.matched)
    runs: list[list[str]] = []
    for i, t in enumerate(query.tokens):
        if runs and runs[-1][-1] == query.tokens[i - 1] and f"{query.tokens[i - 1]} {t}" in matched:
            runs[-1].append(t)
        elif t in matched:
            runs.append([t])
    seen, out = set(), []
    for run in sorted(runs, key=len, reverse=True):
        text = restore_diacritics(run, index)
        if text not in seen and not any(text in s for s in seen):
            seen.add(text)
            out.append(text)
    return out[:6]
