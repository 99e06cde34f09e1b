"""The versioned REST API. The OpenAPI document is committed at docs/openapi.json; a test fails on drift."""
from ninja import NinjaAPI

from cchc.appraisal.api import router as appraisal_router
from cchc.assistant.api import router as assistant_router
from cchc.catalog.api import router as catalog_router
from cchc.documents.api import router as documents_router
from cchc.dossiers.api import router as dossier_router
from cchc.feedback.api import router as feedback_router
from cchc.measures.api import router as measures_router
from cchc.plans.api import router as plans_router

from . import errors

api = NinjaAPI(
    title="cchc API",
    version="1",
    description="API của nền tảng cải cách hành chính: danh mục thủ tục và hồ sơ một cửa. "
    "Lỗi trả về JSON gồm `code` (ổn định), `message` (tiếng Việt) và `details`.",
    urls_namespace="api-v1",
)
errors.install(api)
api.add_router("/", catalog_router)
api.add_router("/", dossier_router)
api.add_router("/", documents_router)
api.add_router("/", measures_router)
api.add_router("/", plans_router)
api.add_router("/", assistant_router)
api.add_router("/", appraisal_router)
api.add_router("/", feedback_router)
