"""Vietnamese by default, English when chosen with the switcher; dates stay dd/mm/yyyy in both."""
import re

import pytest
from django.test import Client
from django.utils import translation

from cchc.catalog.models import ComponentForm, Level, OnlineLevel, TimeUnit
from cchc.dossiers import services as s
from cchc.dossiers import workflow
from cchc.dossiers.models import ApplicantKind, Channel, Handover, ReturnMethod, Status
from cchc.org.models import Role
from cchc.portal.timeline import STEP_WORDS, step_words

pytestmark = pytest.mark.django_db


def switch_to(c: Client, language: str, next_url: str = "/"):
    # the switcher is a POST form in the header of every page (with its CSRF token)
    page = c.get(next_url).content.decode()
    assert 'action="/i18n/setlang/"' in page and f'value="{language}"' in page
    r = c.post("/i18n/setlang/", {"language": language, "next": next_url})
    assert r.status_code == 302 and r.url == next_url


def test_vietnamese_is_the_default_even_for_an_english_browser(world):
    r = Client().get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    page = r.content.decode()
    assert '<html lang="vi">' in page and "Tìm thủ tục hành chính" in page
    assert r["Content-Language"] == "vi"


def test_english_on_a_portal_page_and_an_office_page_dates_still_dd_mm_yyyy(world, clock):
    w = world
    clock.set(2025, 10, 6, 9, 0)
    d = s.receive_at_desk(actor=w.desk, intake=s.Intake(
        procedure_code="1.001193", org_id=w.commune.id,
        applicant=s.Applicant(name="Nguyễn Thị Hoa", id_number="079123456789", phone="0905123456")))
    c = Client()
    c.force_login(w.desk)
    switch_to(c, "en", "/thu-tuc/")
    portal = c.get("/thu-tuc/").content.decode()
    assert '<html lang="en">' in portal
    assert "Administrative procedures" in portal and "Found <strong>2</strong> procedures." in portal
    assert "Thủ tục hành chính</h1>" not in portal
    procedure = c.get("/thu-tuc/1.001193/").content.decode()
    assert "Required papers" in procedure and "5 working days" in procedure and "Commune level" in procedure
    inbox = c.get("/can-bo/").content.decode()
    assert "Dossiers to process" in inbox and "<strong>1</strong> dossier." in inbox
    assert "13/10/2025" in inbox and "Received" in inbox  # status label translated, date unchanged
    page = c.get(f"/can-bo/ho-so/{d.code}/").content.decode()
    assert "Processing control sheet (form 06)" in page and "06/10/2025 09:00" in page
    assert "The one-stop desk received the dossier" in page
    assert '<button type="submit" name="action" value="hand_over">Hand over</button>' in page
    # and back to Vietnamese
    switch_to(c, "vi", "/can-bo/")
    assert "Hồ sơ cần xử lý" in c.get("/can-bo/").content.decode()


def test_stale_page_message_in_english(world, clock):
    w = world
    clock.set(2025, 10, 6, 9, 0)
    d = s.receive_at_desk(actor=w.desk, intake=s.Intake(
        procedure_code="1.001193", org_id=w.commune.id,
        applicant=s.Applicant(name="Nguyễn Thị Hoa", phone="0905123456")))
    s.request_supplement(actor=w.leader, dossier_id=d.id, items=["Tờ khai"], reason="Thiếu chữ ký")
    c = Client()
    c.force_login(w.desk)
    switch_to(c, "en", "/can-bo/")
    r = c.post(f"/can-bo/ho-so/{d.code}/hand_over/", {"hand_over-note": ""}, follow=True)
    assert ("Cannot “hand over”: the dossier is now “Supplement requested”. "
            "The page has been refreshed; nothing was changed.") in r.content.decode()


@pytest.mark.parametrize("labels", [
    Status.labels, Channel.labels, ReturnMethod.labels, ApplicantKind.labels, Handover.Result.labels, Role.labels,
    ComponentForm.labels, Level.labels, OnlineLevel.labels, TimeUnit.labels,
    [t.label for t in workflow.TRANSITIONS.values()], list(STEP_WORDS.values()) + [step_words("?")],
], ids=["status", "channel", "return", "applicant", "handover", "role", "component", "level", "online", "unit",
        "actions", "timeline"])
def test_every_label_shown_on_screen_has_an_english_translation(labels):
    """Labels defined in other apps are listed in cchc.office.terms; a new one must be added there."""
    with translation.override("en"):
        untranslated = [label for label in labels if translation.gettext(label) == label]
    assert untranslated == []


def test_catalogue_is_compiled_and_complete_for_the_screens():
    import gettext
    from pathlib import Path

    import cchc
    folder = Path(cchc.__file__).parent / "locale" / "en" / "LC_MESSAGES"
    po = (folder / "django.po").read_text(encoding="utf-8")
    # the committed .mo says what the .po says (runtime reads only the .mo): compile after editing
    with open(folder / "django.mo", "rb") as f:
        mo = gettext.GNUTranslations(f)
    # an entry may carry a context (msgctxt: one Vietnamese word, two English meanings)
    pairs = re.findall(r'^(?:msgctxt "(.+)"\n)?msgid "(.+)"\nmsgstr "(.+)"$', po, re.M)
    assert len(pairs) > 300
    unescape = {r'\"': '"', r"\n": "\n"}
    stale = [mid for ctx, mid, mstr in pairs
             if (mo.pgettext(ctx, re.sub(r'\\[n"]', lambda m: unescape[m.group()], mid)) if ctx
                 else mo.gettext(re.sub(r'\\[n"]', lambda m: unescape[m.group()], mid)))
             != re.sub(r'\\[n"]', lambda m: unescape[m.group()], mstr)]
    assert stale == []
    # no empty translation for a string of the office or of the portal pages
    empty = [b for b in po.split("\n\n") if re.search(r'^msgstr(\[0\])? ""$', b, re.M)
             and re.search(r"^#: .*(?<!feedback/)(office|portal)/", b, re.M)]
    assert empty == []
