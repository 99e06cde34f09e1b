"""What the parser hands back: a draft nobody has confirmed yet (nothing here touches the database)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

from .deadlines import Deadline
from .orgs import OrgRef


@dataclass
class Identity:
    number: str = ""
    date: date | None = None
    issuer: str = ""
    period_start: int | None = None  # years
    period_end: int | None = None
    title: str = ""
    kind: str = ""  # programme | province_year | agency


@dataclass
class AreaDraft:
    key: str  # one of areas.AREAS, or "custom"
    label: str  # as written


@dataclass
class TargetDraft:
    text: str  # as written
    value: float
    unit: str  # percent | count
    comparator: str  # >= > <= <
    by_year: int | None = None
    measure: str = ""  # guessed measurement name ("" when none fits)
    area: str = ""
    flags: list[str] = field(default_factory=list)


@dataclass
class TaskDraft:
    task: str
    objective: str = ""
    activity: str = ""
    product: str = ""
    area: str = ""  # area key or custom label
    leads: list[OrgRef] = field(default_factory=list)
    coordinating: list[OrgRef] = field(default_factory=list)
    time: Deadline | None = None
    budget_amount: int | None = None  # VND
    budget_source: str = ""
    number: str = ""  # "1.2" as numbered in the document
    source: str = ""  # table | narrative
    flags: list[str] = field(default_factory=list)


@dataclass
class PlanDraft:
    identity: Identity
    areas: list[AreaDraft]
    targets: list[TargetDraft]
    tasks: list[TaskDraft]
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)
