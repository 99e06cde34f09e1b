"""Search keywords: cleaned, changeable on a published version (not part of the legal record),
and the admin lets nothing else of a published version change."""
from html.parser import HTMLParser

import pytest

from cchc.catalog import services
from cchc.catalog.models import Component, ProcedureVersion
from cchc.core.errors import ValidationFailed

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("written, cleaned", [
    ("sổ đỏ; sang tên", "sổ đỏ; sang tên"),
    ("  sổ đỏ;;  Sổ   đỏ ; sang tên\nnhà đất ", "sổ đỏ; sang tên; nhà đất"),   # spaces, repeats, lines
    (" ; \n ", ""),
    ("GPLX; gplx; bằng lái", "GPLX; bằng lái"),                                 # case-blind repeat
])
def test_clean_keywords(written, cleaned):
    assert services.clean_keywords(written) == cleaned


def test_keywords_of_a_published_version_change_without_a_new_version(world):
    v = services.set_keywords(actor=None, version_id=world.birth.pk, keywords="con mới sinh;; làm giấy khai sinh ")
    fresh = ProcedureVersion.objects.get(pk=world.birth.pk)
    assert fresh.keywords == "con mới sinh; làm giấy khai sinh" and fresh.status == "published"
    assert (fresh.version, fresh.name) == (v.version, world.birth.name)
    assert ProcedureVersion.objects.filter(procedure=world.birth.procedure).count() == 1


def test_too_long_keywords_are_refused_and_nothing_changes(world):
    with pytest.raises(ValidationFailed) as e:
        services.set_keywords(actor=None, version_id=world.birth.pk, keywords="; ".join(f"cụm {i}" for i in range(500)))
    assert e.value.code == "tu_khoa_qua_dai"
    assert ProcedureVersion.objects.get(pk=world.birth.pk).keywords == ""


class _Form(HTMLParser):
    """The fields a browser would send back from the admin's change form."""

    def __init__(self):
        super().__init__()
        self.data, self._textarea = {}, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input" and a.get("name") and a.get("type") not in ("submit", "checkbox", "file"):
            self.data[a["name"]] = a.get("value", "")
        elif tag == "input" and a.get("type") == "checkbox" and "checked" in a:
            self.data[a["name"]] = "on"
        elif tag == "textarea" and a.get("name"):
            self._textarea = a["name"]
            self.data[self._textarea] = ""

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None


def test_admin_corrects_the_keywords_of_a_published_version_and_nothing_else(admin_client, world):
    url = f"/admin/catalog/procedureversion/{world.birth.pk}/change/"
    page = admin_client.get(url).content.decode()
    form = _Form()
    form.feed(page)
    assert set(form.data) & {"name", "field", "sequence"} == set()          # the legal record is not a form field
    assert not any(k.startswith("components-0-") and not k.endswith(("-id", "-version")) for k in form.data)
    before = list(Component.objects.filter(version=world.birth).values_list("name", flat=True))

    form.data.update({"keywords": "con mới sinh; làm giấy khai sinh", "name": "Tên khác", "_save": "Lưu"})
    r = admin_client.post(url, form.data)
    assert r.status_code == 302, r.content.decode()[:2000]
    v = ProcedureVersion.objects.get(pk=world.birth.pk)
    assert v.keywords == "con mới sinh; làm giấy khai sinh" and v.name == world.birth.name
    assert list(Component.objects.filter(version=world.birth).values_list("name", flat=True)) == before
    assert "Tên khác" not in admin_client.get(url).content.decode()

    form.data["keywords"] = "; ".join(f"cụm {i}" for i in range(500))       # too long: the form says so
    page = admin_client.post(url, form.data).content.decode()
    assert "Từ khóa tìm kiếm dài quá 2000 ký tự." in page
    assert ProcedureVersion.objects.get(pk=world.birth.pk).keywords == "con mới sinh; làm giấy khai sinh"

