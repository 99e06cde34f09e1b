"""The one file-storage interface: Django's storage API, content-addressed keys.

Local disk under ``MEDIA_ROOT/documents`` by default. S3-compatible storage (MinIO, Ceph, a
cloud bucket) is selected by setting ``CCHC_S3_BUCKET`` (plus ``CCHC_S3_ENDPOINT`` and the usual
``AWS_ACCESS_KEY_ID``/``AWS_SECRET_ACCESS_KEY``) and needs ``pip install cchc[s3]``
(django-storages). A ``STORAGES["documents"]`` entry in settings wins over both.

Blobs are written *before* the transaction that references them; ``discard_if_unreferenced``
removes a blob a failed transaction left behind, and ``ensure_after_commit`` rewrites a blob a
concurrent rollback removed, so a committed row never points to a missing file.
"""
from __future__ import annotations

import hashlib
import os

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, InvalidStorageError, Storage, storages
from django.db import transaction


def blob_storage() -> Storage:
    try:
        return storages["documents"]
    except InvalidStorageError:
        pass
    bucket = os.environ.get("CCHC_S3_BUCKET") or getattr(settings, "CCHC_S3_BUCKET", "")
    if bucket:
        from storages.backends.s3 import S3Storage  # optional dependency: cchc[s3]

        return S3Storage(bucket_name=bucket, endpoint_url=os.environ.get("CCHC_S3_ENDPOINT") or None,
                         file_overwrite=True, default_acl=None)
    return FileSystemStorage(location=settings.MEDIA_ROOT / "documents", base_url=None)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def key_for(sha256: str) -> str:
    return f"blobs/{sha256[:2]}/{sha256[2:4]}/{sha256}"


def put(data: bytes) -> tuple[str, str, bool]:
    """Write ``data`` under its content key; returns (key, sha256, created_now)."""
    sha = digest(data)
    key = key_for(sha)
    st = blob_storage()
    if st.exists(key):
        return key, sha, False
    saved = st.save(key, ContentFile(data))
    if saved != key:  # a concurrent writer of the same bytes won the race; keep one copy
        st.delete(saved)
        return key, sha, False
    return key, sha, True


def read(key: str) -> bytes:
    with blob_storage().open(key, "rb") as f:
        return f.read()


def exists(key: str) -> bool:
    return blob_storage().exists(key)


def discard_if_unreferenced(key: str) -> bool:
    from .models import StoredFile

    if StoredFile.objects.filter(key=key).exists():
        return False
    blob_storage().delete(key)
    return True


def ensure_after_commit(key: str, data: bytes) -> None:
    """After commit, the referenced blob must exist (a concurrent rollback may have removed it)."""
    def check() -> None:
        st = blob_storage()
        if not st.exists(key):
            st.save(key, ContentFile(data))
    transaction.on_commit(check)


def all_keys(prefix: str = "blobs") -> list[str]:
    """Every blob key in the storage (for the clean-up command)."""
    st = blob_storage()
    out: list[str] = []

    def walk(path: str) -> None:
        try:
            dirs, files = st.listdir(path)
        except FileNotFoundError:
            return
        out.extend(f"{path}/{f}" for f in files)
        for d in dirs:
            walk(f"{path}/{d}")

    walk(prefix)
    return out
