"""Lexical candidates from the database's own full-text engine.

SQLite: FTS5 over the folded text (``remove_diacritics`` plus our own đ → d). PostgreSQL: a
GIN-indexed ``to_tsvector('simple', unaccent(body))``. Either returns the versions that contain
any of the words or two-word phrases; ``search`` then scores them the same way on both engines.
"""
from __future__ import annotations

from django.db import connection

LIMIT = 300


def candidates(terms: list[str], limit: int = LIMIT) -> list[int]:
    """Version ids whose text contains one of ``terms`` (folded words or "two words"), best first."""
    terms = [t for t in terms if t.replace(" ", "").isalnum() and t.isascii()]
    if not terms:
        return []
    with connection.cursor() as cur:
        if connection.vendor == "sqlite":
            match = " OR ".join(f'"{t}"' for t in terms)
            cur.execute("SELECT rowid FROM assistant_fts WHERE assistant_fts MATCH %s ORDER BY rank LIMIT %s",
                        [match, limit])
        elif connection.vendor == "postgresql":
            tsq = " | ".join("(" + " <-> ".join(t.split()) + ")" for t in terms)
            cur.execute(
                "SELECT version_id FROM assistant_indexentry, to_tsquery('simple', assistant_unaccent(%s)) q "
                "WHERE to_tsvector('simple'::regconfig, assistant_unaccent(body)) @@ q "
                "ORDER BY ts_rank_cd(to_tsvector('simple'::regconfig, assistant_unaccent(body)), q) DESC LIMIT %s",
                [tsq, limit])
        else:  # pragma: no cover - the project runs on these two only
            raise NotImplementedError(f"Trợ lý chưa hỗ trợ CSDL {connection.vendor}.")
        return [row[0] for row in cur.fetchall()]
