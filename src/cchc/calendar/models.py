"""The announced calendar as data an administrator enters (the legal rules are in rules.py)."""
from django.db import models


class CalendarYear(models.Model):
    """A year whose announced days off and make-up working days have been entered and confirmed.

    Due dates never run into a year that is not confirmed: the clock refuses to guess.
    """

    year = models.PositiveSmallIntegerField("năm", unique=True)
    confirmed = models.BooleanField("đã xác nhận", default=True)
    note = models.CharField("căn cứ (văn bản thông báo)", max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "năm lịch"
        verbose_name_plural = "năm lịch"
        ordering = ["year"]

    def __str__(self) -> str:
        return str(self.year)


class CalendarDay(models.Model):
    class Kind(models.TextChoices):
        OFF = "off", "Ngày nghỉ (theo thông báo)"
        WORK = "work", "Ngày làm việc bù"

    date = models.DateField("ngày", unique=True)
    kind = models.CharField("loại", max_length=4, choices=Kind.choices)
    note = models.CharField("ghi chú", max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "ngày nghỉ / làm bù"
        verbose_name_plural = "ngày nghỉ / làm bù"
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} — {self.get_kind_display()}"
