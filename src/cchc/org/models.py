"""Organisations of a province and the staff who act for them.

Two levels (province, commune) by default since 1 July 2025; former districts stay as
historical organisations. A merger is recorded as ``successor`` + ``succeeded_on``: nothing
is moved, so the old organisation's dossiers and history stay reachable, and measurements
count them under the successor from that date (see ``selectors.scope_ids``).
"""
from django.conf import settings
from django.db import models


class OrgKind(models.TextChoices):
    PROVINCE = "province", "UBND tỉnh"
    AGENCY = "agency", "Sở, ban, ngành"
    CENTRE = "centre", "Trung tâm Phục vụ hành chính công"
    COMMUNE = "commune", "Xã, phường, đặc khu"
    DISTRICT = "district", "Huyện (cũ)"
    UNIT = "unit", "Phòng, đơn vị trực thuộc"


class Organisation(models.Model):
    code = models.CharField(
        "mã định danh", max_length=40, unique=True,
        help_text="Mã định danh dùng trong mã hồ sơ, ví dụ H38.01 hoặc 000.00.12.H38.",
    )
    name = models.CharField("tên", max_length=255)
    short_name = models.CharField("tên viết tắt", max_length=80, blank=True)
    kind = models.CharField("loại", max_length=16, choices=OrgKind.choices)
    parent = models.ForeignKey(
        "self", verbose_name="trực thuộc", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    address = models.CharField("địa chỉ", max_length=255, blank=True)
    phone = models.CharField("điện thoại", max_length=30, blank=True)
    active_from = models.DateField("hoạt động từ", null=True, blank=True)
    successor = models.ForeignKey(
        "self", verbose_name="tổ chức kế thừa", null=True, blank=True, on_delete=models.PROTECT,
        related_name="predecessors",
    )
    succeeded_on = models.DateField("kế thừa từ ngày", null=True, blank=True)

    class Meta:
        verbose_name = "tổ chức"
        verbose_name_plural = "tổ chức"
        ordering = ["kind", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(successor__isnull=True) | models.Q(succeeded_on__isnull=False),
                name="org_successor_needs_date",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_historical(self) -> bool:
        return self.successor_id is not None


class Role(models.TextChoices):
    DESK = "desk", "Công chức Bộ phận Một cửa"
    SPECIALIST = "specialist", "Chuyên viên thụ lý"
    LEADER = "leader", "Lãnh đạo"
    CLERK = "clerk", "Văn thư"
    REFORM = "reform", "Chuyên viên CCHC"
    APPRAISER = "appraiser", "Thẩm định (Sở Nội vụ)"
    ADMIN = "admin", "Quản trị hệ thống"


class Membership(models.Model):
    """A user acts for an organisation in a role. A user may hold several roles."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    org = models.ForeignKey(Organisation, verbose_name="tổ chức", on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField("vai trò", max_length=16, choices=Role.choices)
    active = models.BooleanField("đang hoạt động", default=True)

    class Meta:
        verbose_name = "vai trò cán bộ"
        verbose_name_plural = "vai trò cán bộ"
        constraints = [models.UniqueConstraint(fields=["user", "org", "role"], name="membership_unique")]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.org}"
