"""Demo only: a local certificate authority and a signing certificate for each organisation.

Keys and PKCS#12 files are written under var/documents/demo-ca/ (never committed); each
certificate is imported through the same service an administrator uses for a real one.
"""
import secrets
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from cchc.documents import demo_ca, services
from cchc.documents.models import OrgCertificate
from cchc.org.models import Organisation, OrgKind


class Command(BaseCommand):
    help = "Tạo CA thử nghiệm và chứng thư số cho từng cơ quan (chỉ dùng cho dữ liệu mẫu)."

    def add_arguments(self, parser):
        parser.add_argument("--out", default=str(Path(settings.VAR_DIR) / "documents" / "demo-ca"))

    def handle(self, *args, out, **opts):
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        password = secrets.token_urlsafe(16)
        (out / "password.txt").write_text(password + "\n", encoding="utf-8")
        ca_key, ca_cert = demo_ca.create_ca()
        (out / "ca.pem").write_bytes(demo_ca.cert_pem(ca_cert))
        (out / "ca-key.pem").write_bytes(demo_ca.key_pem(ca_key, password))
        made = 0
        for org in Organisation.objects.filter(successor__isnull=True).exclude(kind=OrgKind.UNIT):
            if OrgCertificate.objects.filter(org=org, active=True).exists():
                continue
            key, cert = demo_ca.issue(ca_key, ca_cert, org.name)
            p12 = demo_ca.to_pkcs12(key, cert, ca_cert, password)
            (out / f"{org.code}.p12").write_bytes(p12)
            services.import_certificate(actor=None, org_id=org.id, data=p12, password=password)
            made += 1
        self.stdout.write(f"Đã tạo CA thử nghiệm và {made} chứng thư số trong {out} (mật khẩu: password.txt).")
