"""Links from an identity provider's subject to a citizen account (OpenID Connect sign-in)."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ExternalIdentity(models.Model):
    """One (issuer, subject) pair seen at an OpenID Connect sign-in, and the account it opens.

    Only the pair is kept — no identity number, no copy of the provider's profile (Nghị định
    13/2023: the minimum). A provider's subject is stable per issuer, an e-mail address is not,
    so accounts are never matched by e-mail.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="external_identities")
    issuer = models.CharField(_("nhà cung cấp định danh"), max_length=255)
    subject = models.CharField(_("mã người dùng tại nhà cung cấp"), max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)
    last_login_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("định danh bên ngoài")
        verbose_name_plural = _("định danh bên ngoài")
        constraints = [models.UniqueConstraint(fields=["issuer", "subject"], name="external_identity_unique")]

    def __str__(self) -> str:
        return f"{self.issuer} — {self.subject}"
