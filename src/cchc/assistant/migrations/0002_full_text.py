"""Full-text search for the assistant, in the database's own engine.

SQLite: an FTS5 table over ``folded`` kept in step by triggers. PostgreSQL: the ``unaccent``
extension, an IMMUTABLE wrapper (``unaccent`` itself is only STABLE, so it cannot sit in an
index) and a GIN index on the unaccented ``body``.
"""
from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE assistant_fts USING fts5(folded, content='assistant_indexentry', "
    "content_rowid='version_id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER assistant_fts_ai AFTER INSERT ON assistant_indexentry BEGIN "
    "INSERT INTO assistant_fts(rowid, folded) VALUES (new.version_id, new.folded); END",
    "CREATE TRIGGER assistant_fts_ad AFTER DELETE ON assistant_indexentry BEGIN "
    "INSERT INTO assistant_fts(assistant_fts, rowid, folded) VALUES ('delete', old.version_id, old.folded); END",
    "CREATE TRIGGER assistant_fts_au AFTER UPDATE ON assistant_indexentry BEGIN "
    "INSERT INTO assistant_fts(assistant_fts, rowid, folded) VALUES ('delete', old.version_id, old.folded); "
    "INSERT INTO assistant_fts(rowid, folded) VALUES (new.version_id, new.folded); END",
]
SQLITE_DROP = ["DROP TRIGGER IF EXISTS assistant_fts_ai", "DROP TRIGGER IF EXISTS assistant_fts_ad",
               "DROP TRIGGER IF EXISTS assistant_fts_au", "DROP TABLE IF EXISTS assistant_fts"]

POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE OR REPLACE FUNCTION assistant_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE "
    "STRICT AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$",
    "CREATE INDEX assistant_fts_idx ON assistant_indexentry USING gin "
    "(to_tsvector('simple'::regconfig, assistant_unaccent(body)))",
]
POSTGRES_DROP = ["DROP INDEX IF EXISTS assistant_fts_idx", "DROP FUNCTION IF EXISTS assistant_unaccent(text)"]


def _run(statements: dict):
    def run(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)
    return run


class Migration(migrations.Migration):
    dependencies = [("assistant", "0001_initial")]

    operations = [
        migrations.RunPython(_run({"sqlite": SQLITE, "postgresql": POSTGRES}),
                             _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP})),
    ]
