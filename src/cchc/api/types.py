"""Field types shared by the API schemas."""
from __future__ import annotations

from datetime import datetime
from typing import Annotated

from django.utils import timezone
from pydantic import PlainSerializer, WithJsonSchema

# Every instant leaves the API in Vietnam time (+07:00), whether it was just computed in memory or
# read back from the database (which hands out UTC): one dossier, one spelling of its dates.
LocalDateTime = Annotated[
    datetime, PlainSerializer(lambda v: timezone.localtime(v).isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "format": "date-time"}),
]
