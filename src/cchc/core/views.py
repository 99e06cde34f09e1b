from django.shortcuts import render

from cchc.catalog.selectors import published_versions
from cchc.dossiers.models import Dossier


def home(request):
    return render(request, "core/home.html", {
        "procedures": published_versions().count(),
        "dossiers": Dossier.objects.count(),
    })
