"""cchc export_openapi PATH — write the API's OpenAPI document (``make openapi`` keeps docs/openapi.json)."""
import json
from pathlib import Path

from django.core.management.base import BaseCommand

from cchc.api.urls import api


def render() -> str:
    # Sorted keys and a trailing newline, so the committed file diffs cleanly and compares exactly.
    return json.dumps(api.get_openapi_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


class Command(BaseCommand):
    help = "Ghi tài liệu OpenAPI của API ra tệp JSON (mặc định docs/openapi.json)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default="docs/openapi.json")

    def handle(self, path, **opts):
        Path(path).write_text(render(), encoding="utf-8")
        self.stdout.write(f"Đã ghi {path}")
