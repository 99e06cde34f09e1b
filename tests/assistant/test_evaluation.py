"""The committed questions, and the assistant over the whole demo catalogue (240 procedures)."""
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from cchc.assistant import evaluation, search, services
from cchc.assistant.text import has_diacritics
from cchc.catalog.exchange import import_catalog
from cchc.demo.seed import DATA, load_organisations

ROWS = evaluation.load()
CATALOGUE = {p["code"] for p in json.loads((DATA / "catalog.json").read_text(encoding="utf-8"))["procedures"]}


def test_the_question_set_is_as_promised():
    answerable = [r for r in ROWS if r["expected"]]
    assert len(answerable) >= 150
    assert sum(not has_diacritics(r["q"]) for r in answerable) * 3 >= len(answerable)  # a third without diacritics
    assert {c for r in answerable for c in r["expected"]} <= CATALOGUE
    assert {r["split"] for r in ROWS} == {"dev", "held_out"}
    assert len({r["q"] for r in ROWS}) == len(ROWS)                                   # no duplicates
    assert Path(evaluation.QUESTIONS).name == "questions.jsonl"


@pytest.mark.django_db
def test_whole_catalogue_meets_the_goal():
    load_organisations()
    assert import_catalog(actor=None, data=(DATA / "catalog.json").read_bytes(), fmt="json").ok
    assert services.reindex_catalogue(actor=None) == 240
    search.forget()
    # Floors a little under the figures of docs/assistant-eval.md (dev 99.6 % / 95.9 %, held-out 90.6 % /
    # 81.2 %; off-topic refused 27/29 and 9/9): a regression shows here, the goal itself is reported there.
    floors = {"dev": (0.98, 0.93), "held_out": (0.89, 0.79)}
    refused = 0
    for split in evaluation.SPLITS:
        report = evaluation.evaluate(evaluation.load(split), split).as_dict()
        assert report["top3"] >= floors[split][0] and report["top1"] >= floors[split][1], report
        refused += report["off_topic_refused"]
    assert refused >= 34, refused
    # typos and spellings resolved against the real catalogue's words
    index = search.current()
    assert search.parse("giay xac nhan doc thaan", index).corrected == {"thaan": "than"}   # "độc thân", not "thuận"
    assert search.parse("xin phieu li lich tu phap", index).corrected == {"li": "ly"}      # "lý lịch" in the catalogue
    # "sĩ" stays: the catalogue has it too ("chiến sĩ thi đua"), so "bác sĩ" is not turned into "bác sỹ"
    assert search.parse("giay phep hanh nghe bac si", index).corrected == {}
    assert search.parse("mat giay phep lai xe", index).corrected == {}
    out = io.StringIO()
    call_command("evaluate_assistant", "--split", "dev", stdout=out)
    assert out.getvalue().startswith("dev ") and "top-3" in out.getvalue()
