"""The one file-storage interface: Django's storage API, content-addressed keys.

Local disk under ``MEDIA_ROOT/documents`` by default. S3-compatible storage (MinIO, Ceph, a
cloud bucket) is selected by ``CCHC_S3_BUCKET`` (environment or settings) and needs
``pip install cchc[s3]`` (django-storages); see docs/adr/0007-documents.md for the other
``CCHC_S3_*`` variables. A ``STORAGES["documents"]`` entry in settings wins over both.

Blobs are written *before* the transaction that references them; ``discard_if_unreferenced``
removes a blob a failed transaction left behind, and ``ensure_after_commit`` rewrites a blob a
concurrent rollback removed, so a committed row never points to a missing file.

Every failure of the storage itself (disk, network, bucket, credentials) leaves this module as
``BlobStoreError`` with a stable ``reason``, so callers answer one clear error, never a 500.
"""
from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, InvalidStorageError, Storage, storages
from django.db import transaction

log = logging.getLogger(__name__)

UNREACHABLE = "khong_ket_noi"   # no answer from the endpoint (down, wrong address, timeout)
MISCONFIGURED = "sai_cau_hinh"  # answered, but no such bucket or the credentials are refused
FAILED = "loi_luu_tru"          # anything else the storage reported (disk full, server error)


class BlobStoreError(OSError):
    """The storage could not do what was asked; ``reason`` is one of the three constants above."""

    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason


# S3 error codes that mean "the configuration is wrong", not "try again later"
_CONFIG_CODES = {"NoSuchBucket", "AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "AllAccessDisabled",
                 "InvalidBucketName", "PermanentRedirect", "AuthorizationHeaderMalformed", "403", "301"}


def _s3_reason(e: Exception) -> str | None:
    try:
        from botocore import exceptions as bx
    except ImportError:
        return None
    if isinstance(e, bx.ClientError):
        code = str(e.response.get("Error", {}).get("Code", ""))
        return MISCONFIGURED if code in _CONFIG_CODES else FAILED
    if isinstance(e, (bx.EndpointConnectionError, bx.ConnectTimeoutError, bx.ReadTimeoutError,
                      bx.ConnectionClosedError)):
        return UNREACHABLE
    if isinstance(e, (bx.NoCredentialsError, bx.PartialCredentialsError)):
        return MISCONFIGURED
    if isinstance(e, bx.BotoCoreError):
        return FAILED
    return None


@contextmanager
def _guarded(action: str, key: str) -> Iterator[None]:
    try:
        yield
    except (BlobStoreError, FileNotFoundError):
        raise
    except Exception as e:
        reason = _s3_reason(e)  # first: some botocore timeouts are also OSErrors
        if reason is None and not isinstance(e, OSError):
            raise
        reason = reason or FAILED
        log.error("Kho tệp: %s %s thất bại (%s): %s", action, key, reason, e)
        raise BlobStoreError(reason, str(e)) from e


def _setting(name: str) -> str:
    return os.environ.get(name) or getattr(settings, name, "") or ""


def s3_config() -> dict | None:
    """The S3 settings in force, or None when the local disk is used."""
    bucket = _setting("CCHC_S3_BUCKET")
    if not bucket:
        return None
    return {"bucket": bucket, "endpoint": _setting("CCHC_S3_ENDPOINT"), "region": _setting("CCHC_S3_REGION"),
            "access_key": _setting("CCHC_S3_ACCESS_KEY"), "secret_key": _setting("CCHC_S3_SECRET_KEY"),
            "prefix": _setting("CCHC_S3_PREFIX").strip("/")}


@lru_cache(maxsize=4)  # a boto3 client is costly to build; connections are per thread inside it
def _s3(bucket: str, endpoint: str, region: str, access_key: str, secret_key: str, prefix: str) -> Storage:
    try:
        from botocore.config import Config
        from storages.backends.s3 import S3Storage
    except ImportError as e:
        raise ImproperlyConfigured("CCHC_S3_BUCKET được đặt nhưng chưa cài django-storages: "
                                   "pip install 'cchc[s3]'.") from e
    # Bounded waits: a dead endpoint must fail the request in seconds, not hang it.
    config = Config(connect_timeout=5, read_timeout=30, retries={"max_attempts": 3, "mode": "standard"},
                    s3={"addressing_style": "path" if endpoint else "auto"})  # MinIO/Ceph expect path style
    return S3Storage(bucket_name=bucket, endpoint_url=endpoint or None, region_name=region or None,
                     access_key=access_key or None, secret_key=secret_key or None,  # None: boto3's own chain
                     location=prefix, file_overwrite=True, default_acl=None, querystring_auth=True,
                     client_config=config)


def blob_storage() -> Storage:
    try:
        return storages["documents"]
    except InvalidStorageError:
        pass
    cfg = s3_config()
    if cfg:
        return _s3(**cfg)
    return FileSystemStorage(location=settings.MEDIA_ROOT / "documents", base_url=None)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def key_for(sha256: str) -> str:
    return f"blobs/{sha256[:2]}/{sha256[2:4]}/{sha256}"


def put(data: bytes) -> tuple[str, str, bool]:
    """Write ``data`` under its content key; returns (key, sha256, created_now)."""
    sha = digest(data)
    key = key_for(sha)
    with _guarded("ghi", key):
        st = blob_storage()
        if st.exists(key):
            return key, sha, False
        saved = st.save(key, ContentFile(data))
        if saved != key:  # a concurrent writer of the same bytes won the race; keep one copy
            st.delete(saved)
            return key, sha, False
    return key, sha, True


def read(key: str) -> bytes:
    """The blob's bytes; ``FileNotFoundError`` if it is not there, ``BlobStoreError`` if the storage fails."""
    with _guarded("đọc", key), blob_storage().open(key, "rb") as f:
        return f.read()


def exists(key: str) -> bool:
    with _guarded("kiểm tra", key):
        return blob_storage().exists(key)


def delete(key: str) -> None:
    with _guarded("xóa", key):
        blob_storage().delete(key)


def discard_if_unreferenced(key: str) -> bool:
    from .models import StoredFile

    if StoredFile.objects.filter(key=key).exists():
        return False
    delete(key)
    return True


def ensure_after_commit(key: str, data: bytes) -> None:
    """After commit, the referenced blob must exist (a concurrent rollback may have removed it)."""
    def check() -> None:
        with _guarded("ghi lại", key):
            st = blob_storage()
            if not st.exists(key):
                st.save(key, ContentFile(data))
    # robust: the rows are committed already; a storage hiccup here is logged, not turned into a 500
    transaction.on_commit(check, robust=True)


def all_keys(prefix: str = "blobs") -> list[str]:
    """Every blob key in the storage (for the clean-up command)."""
    st = blob_storage()
    out: list[str] = []

    def walk(path: str) -> None:
        try:
            with _guarded("liệt kê", path):
                dirs, files = st.listdir(path)
        except FileNotFoundError:
            return
        out.extend(f"{path}/{f}" for f in files)
        for d in dirs:
            walk(f"{path}/{d}")

    walk(prefix)
    return out


def modified_at(key: str):
    with _guarded("đọc thời gian", key):
        return blob_storage().get_modified_time(key)
