"""The public dashboard in a real browser: the platform's own ECharts draws the charts on canvas
(no CDN, no login), and the data tables stay under them."""
import pytest
from playwright.sync_api import expect
from tests.measures.conftest import july  # noqa: F401  (the hand-worked July 2025 fixture)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# pixels of a drawn canvas that are not background: a blank canvas has none
PAINTED = """c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
  for (let i = 0; i < d.length; i += 4) { if (d[i + 3] && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) n++; }
  return n; }"""


def test_dashboard_charts_render_on_canvas(july, settings, open_page, shot):  # noqa: F811
    settings.CCHC_DASHBOARD_CACHE_SECONDS = 0
    page = open_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto("/chi-so/bang-dieu-khien/?nam=2025")
    for name in ("index", "months", "rates"):
        chart = page.locator(f"[data-chart={name}]")
        expect(chart).to_have_attribute("data-drawn", "1")
        canvas = chart.locator("canvas").first
        box = canvas.bounding_box()
        assert box and box["width"] > 300 and box["height"] > 150, name
        assert canvas.evaluate(PAINTED) > 500, name
    expect(page.locator("#bang-thang")).to_contain_text("70,0% (7/10)")
    shot(page, "dashboard", full_page=True)
    assert all(u.startswith(page.url.split("/chi-so/")[0]) for u in requests), "every asset from the platform"
