from django.contrib import admin

from .models import ComponentFile, DigitisedDocument, DocumentReuse, OrgCertificate, ResultDocument, StoredFile


@admin.register(StoredFile)
class StoredFileAdmin(admin.ModelAdmin):
    list_display = ("original_name", "content_type", "size", "sha256", "uploaded_at")
    search_fields = ("sha256", "original_name")


@admin.register(ResultDocument)
class ResultDocumentAdmin(admin.ModelAdmin):
    list_display = ("dossier", "document_type", "number", "signed", "issued_at")
    raw_id_fields = ("dossier", "stored_file")


@admin.register(ComponentFile)
class ComponentFileAdmin(admin.ModelAdmin):
    list_display = ("component", "document_type", "number", "issuer", "valid_until")
    raw_id_fields = ("component", "stored_file", "reused_from")


@admin.register(DigitisedDocument)
class DigitisedDocumentAdmin(admin.ModelAdmin):
    list_display = ("document_type", "number", "issuer", "issued_on", "valid_until", "owner_kind")
    exclude = ("owner_digest",)  # the identity digest is personal data: not shown (Nghị định 13/2023)
    raw_id_fields = ("stored_file", "source_component", "source_result")


@admin.register(DocumentReuse)
class DocumentReuseAdmin(admin.ModelAdmin):
    list_display = ("dossier", "document", "at")
    raw_id_fields = ("dossier", "document", "component")


@admin.register(OrgCertificate)
class OrgCertificateAdmin(admin.ModelAdmin):
    list_display = ("org", "subject", "not_before", "not_after", "active")
    exclude = ("sealed_pkcs12",)  # the key never leaves the server, not even to the admin
    readonly_fields = ("subject", "issuer", "serial", "fingerprint", "not_before", "not_after", "trust_roots_pem",
                       "imported_by", "imported_at")
