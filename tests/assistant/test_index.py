"""Index maintenance: publication indexes a version after commit; the command rebuilds everything."""
import importlib
import io
from datetime import date

import numpy as np
import pytest
from django.core.management import call_command

from cchc.assistant import embedder, lexical, search, services
from cchc.assistant.models import IndexEntry
from cchc.assistant.text import fold
from cchc.catalog import services as catalog_services
from cchc.catalog.models import ProcedureVersion, VersionStatus

pytestmark = pytest.mark.django_db(transaction=True)

FIELDS = dict(name="Đăng ký kết hôn", field="Hộ tịch", level="commune", subjects="Công dân Việt Nam",
              sequence="Nộp hồ sơ, nhận kết quả", method="Trực tiếp", processing_amount=5,
              processing_unit="working_days", result_type="Giấy chứng nhận kết hôn")
COMPONENTS = [dict(order=1, name="Tờ khai đăng ký kết hôn", form="original")]


def test_publishing_indexes_the_version_once_committed(world):
    draft = catalog_services.create_draft(actor=None, code="1.000398", fields=FIELDS, components=COMPONENTS)
    assert not IndexEntry.objects.filter(version=draft).exists()          # drafts are not searchable
    catalog_services.publish(actor=None, version_id=draft.pk, valid_from=date(2024, 1, 1))

    entry = IndexEntry.objects.get(version=draft)
    assert entry.passages == ["Đăng ký kết hôn"] and entry.model_name == embedder.MODEL_NAME
    assert "dang ky ket hon" in entry.folded and "Tờ khai đăng ký kết hôn" in entry.body
    # one line per part of the version, in services.LAYOUT order (search weighs words by their line)
    lines = dict(zip(services.LAYOUT, entry.body.split("\n"), strict=False))
    assert lines["name"] == "Đăng ký kết hôn" and lines["field"] == "Hộ tịch"
    assert lines["result"] == "Giấy chứng nhận kết hôn" and lines["requirements"] == ""
    assert entry.body.split("\n")[len(services.LAYOUT) - 1:] == ["Tờ khai đăng ký kết hôn"]   # the components
    vector = embedder.from_bytes(entry.vectors, 1)[0]
    assert vector.shape == (384,) and abs(float(np.linalg.norm(vector)) - 1.0) < 1e-3
    # the database's full-text index follows the table (SQLite triggers / PostgreSQL GIN expression)
    assert draft.pk in lexical.candidates(["ket hon"])
    assert draft.pk not in lexical.candidates(["khai tu"])


def test_search_keywords_are_searched_and_embedded_with_the_name(world):
    draft = catalog_services.create_draft(actor=None, code="1.000398", components=COMPONENTS,
                                          fields={**FIELDS, "keywords": "lấy vợ; cưới nhau"})
    catalog_services.publish(actor=None, version_id=draft.pk, valid_from=date(2024, 1, 1))
    entry = IndexEntry.objects.get(version=draft)
    assert entry.passages == ["Đăng ký kết hôn: lấy vợ, cưới nhau"]       # one vector: name and how people call it
    assert dict(zip(services.LAYOUT, entry.body.split("\n"), strict=False))["keywords"] == "lấy vợ; cưới nhau"
    search.forget()
    # none of the question's words is in the name: the keywords bring it, lexically and by meaning
    ranking = search.rank("cuoi nhau thi lam giay gi")
    assert ranking.confident and ranking.hits[0].version_id == draft.pk
    assert "cuoi nhau" in ranking.hits[0].matched
    assert ranking.hits[0].similar == "cưới nhau"                       # the keyword shown as why, as written
    # a keyword phrase stays whole: "vợ cưới" spans two phrases and is no phrase of this procedure
    assert "vo cuoi" not in search.current().name_terms[search.current().position[draft.pk]]


def test_changing_the_keywords_of_a_published_version_reindexes_it(world):
    assert world.birth.pk not in lexical.candidates(["chao doi"])
    catalog_services.set_keywords(actor=None, version_id=world.birth.pk, keywords="con mới chào đời; làm giấy cho bé")
    entry = IndexEntry.objects.get(version=world.birth)
    assert entry.passages == [f"{world.birth.name}: con mới chào đời, làm giấy cho bé"]
    assert world.birth.pk in lexical.candidates(["chao doi"])
    search.forget()
    assert search.rank("con mới chào đời").hits[0].version_id == world.birth.pk


def test_full_text_follows_updates_and_deletes(world):
    entry = IndexEntry.objects.get(version=world.birth)
    assert lexical.candidates(["khai sinh"]) == [world.birth.pk]
    entry.body, entry.folded = "Thủ tục đổi tên", "thu tuc doi ten"
    entry.save()
    assert lexical.candidates(["khai sinh"]) == [] and lexical.candidates(["doi ten"]) == [world.birth.pk]
    entry.delete()
    assert lexical.candidates(["doi ten"]) == []


def test_a_new_version_replaces_the_old_one_in_answers(world):
    draft = catalog_services.create_draft(actor=None, code="1.001193", fields={**FIELDS, "name": "Đăng ký khai sinh mới"},
                                          components=COMPONENTS)
    catalog_services.publish(actor=None, version_id=draft.pk, valid_from=date(2025, 1, 1))
    search.forget()
    index = search.current()
    assert draft.pk in index.position and world.birth.pk not in index.position  # old one no longer in force


def test_reindex_command_rebuilds_and_drops_stale_entries(world):
    IndexEntry.objects.all().delete()
    stale = ProcedureVersion.objects.get(pk=world.record.pk)
    IndexEntry.objects.create(version=stale, body="x", folded="x", passages=["x"],
                              vectors=embedder.to_bytes(np.zeros((1, 384))), model_name="cũ")
    ProcedureVersion.objects.filter(pk=stale.pk).update(status=VersionStatus.RETIRED)

    out, err = io.StringIO(), io.StringIO()
    call_command("reindex_assistant", stdout=out, stderr=err)
    assert "Đã lập chỉ mục 1 thủ tục" in out.getvalue()
    assert "1/1 thủ tục" in err.getvalue()                                  # the progress line
    assert list(IndexEntry.objects.values_list("version_id", flat=True)) == [world.birth.pk]


def test_reindex_keeps_a_version_published_for_later(world):
    draft = catalog_services.create_draft(actor=None, code="1.000398", fields=FIELDS, components=COMPONENTS)
    catalog_services.publish(actor=None, version_id=draft.pk, valid_from=date(2999, 1, 1))
    call_command("reindex_assistant", stdout=io.StringIO(), stderr=io.StringIO())
    assert IndexEntry.objects.filter(version=draft).exists()          # indexed, waiting for its day
    search.forget()
    assert draft.pk not in search.current().position                   # but not answered before it


def test_migration_gives_old_entries_the_keywords_line_as_a_rebuild_would(world):
    migration = importlib.import_module("cchc.assistant.migrations.0004_keywords_line")
    version = ProcedureVersion.objects.get(pk=world.birth.pk)
    body, passages = services.document(version)                # keywords are empty after the column is added
    lines = body.split("\n")
    before = "\n".join([lines[0], *lines[2:]])                  # as entries were written before round 4
    assert migration._insert(before) == body and passages == [version.name]
    assert migration._remove(body) == before
    assert migration._insert(fold(before)) == fold(body)
