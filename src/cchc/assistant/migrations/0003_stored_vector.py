"""PostgreSQL: keep the unaccented tsvector in a stored generated column.

The GIN index over the expression found the rows, but phrase queries ("khai <-> sinh") are
rechecked against the row, and the recheck recomputed ``to_tsvector(unaccent(body))`` for every
candidate: 6.5 of 8 ms for one question over 240 procedures, growing with the catalogue. A stored
column is computed once when the entry is written. SQLite (FTS5) needs nothing.
"""
from django.db import migrations

POSTGRES = [
    "ALTER TABLE assistant_indexentry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
    "(to_tsvector('simple'::regconfig, assistant_unaccent(body))) STORED",
    "CREATE INDEX assistant_search_vector_idx ON assistant_indexentry USING gin (search_vector)",
    "DROP INDEX IF EXISTS assistant_fts_idx",
]
POSTGRES_BACK = [
    "CREATE INDEX assistant_fts_idx ON assistant_indexentry USING gin "
    "(to_tsvector('simple'::regconfig, assistant_unaccent(body)))",
    "DROP INDEX IF EXISTS assistant_search_vector_idx",
    "ALTER TABLE assistant_indexentry DROP COLUMN IF EXISTS search_vector",
]


def _run(statements: list[str]):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)
    return run


class Migration(migrations.Migration):
    dependencies = [("assistant", "0002_full_text")]

    operations = [migrations.RunPython(_run(POSTGRES), _run(POSTGRES_BACK))]
