"""cchc run_demo — the quick start: migrate, demo data, print URL and logins, serve."""
import os
import shutil
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from cchc.demo.seed import DEMO_PASSWORD, username
from cchc.org.models import Organisation, OrgKind, Role


def demo_logins() -> list[tuple[str, str]]:
    """The accounts worth trying first: admin, the centre's desk, a busy agency, a commune, a citizen."""
    out = [("Quản trị hệ thống", "admin")]
    centre = Organisation.objects.filter(kind=OrgKind.CENTRE).first()
    justice = Organisation.objects.filter(kind=OrgKind.AGENCY, name="Sở Tư pháp").first()
    home = Organisation.objects.filter(kind=OrgKind.AGENCY, name="Sở Nội vụ").first()
    commune = Organisation.objects.filter(kind=OrgKind.COMMUNE, successor__isnull=True).order_by("code").first()
    if centre:
        out.append((f"Một cửa — {centre.name}", username(Role.DESK, centre)))
    for org in filter(None, (justice, commune)):
        out += [(f"{Role(r).label} — {org.name}", username(r, org)) for r in (Role.DESK, Role.SPECIALIST, Role.LEADER)
                if org.kind != OrgKind.AGENCY or r != Role.DESK]
    if home:
        out.append((f"{Role.APPRAISER.label} — {home.name}", username(Role.APPRAISER, home)))
    out.append(("Công dân (tài khoản mẫu)", "0905000001"))
    return out


class Command(BaseCommand):
    help = "Chạy nền tảng với dữ liệu mẫu trên cơ sở dữ liệu nhúng (SQLite)."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=os.environ.get("CCHC_BIND", "127.0.0.1:8000"))
        parser.add_argument("--no-serve", action="store_true", help="chỉ chuẩn bị dữ liệu, không chạy máy chủ")

    def handle(self, *, bind: str, no_serve: bool, **opts):
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        call_command("migrate", verbosity=0)
        call_command("seed_demo")
        call_command("collectstatic", interactive=False, verbosity=0)
        host = bind.replace("0.0.0.0", "127.0.0.1")
        self.stdout.write(self.style.SUCCESS(f"\ncchc đang chạy: http://{host}/"))
        self.stdout.write(f"  Quản trị:   http://{host}/admin/     API: http://{host}/api/v1/docs")
        self.stdout.write(f"  Mật khẩu chung của tài khoản mẫu: {DEMO_PASSWORD}")
        for who, login in demo_logins():
            self.stdout.write(f"  {who:<45} {login}")
        if no_serve:
            return
        gunicorn = shutil.which("gunicorn", path=os.path.dirname(sys.executable)) or "gunicorn"
        os.execv(gunicorn, [gunicorn, "cchc.wsgi:application", "--bind", bind, "--workers", "2",
                            "--threads", "4", "--access-logfile", "-"])
