"""The old address /ke-hoach/… now answers with a permanent redirect to the back office
(/can-bo/ke-hoach/…), so bookmarks and links in earlier e-mails keep working."""
from django.http import HttpResponsePermanentRedirect
from django.urls import re_path


def _moved(request, rest: str = ""):
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"/can-bo/ke-hoach/{rest}" + (f"?{query}" if query else ""))


app_name = "plans_legacy"
urlpatterns = [re_path(r"^(?P<rest>.*)$", _moved)]
