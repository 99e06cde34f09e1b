"""REST endpoints of this app, mounted under /api/v1/ (see cchc/api/urls.py)."""
from ninja import Router

router = Router(tags=["feedback"])
