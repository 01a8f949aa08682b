"""Writes to the report body: section texts, recommendations, background papers, considerations.

Recommendations are data, saved by id, so a later resolution or decision can cite the exact one.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import F

from ..models import Recommendation, Report, ReportSection

# Positions are moved out of the way before renumbering, so the unique (report, position) and
# (parent, position) constraints hold after every single-row UPDATE (PostgreSQL checks them per row).
_OUT_OF_THE_WAY = 1000


@dataclass
class RecommendationInput:
    """One recommendation as the editor sends it; `id` is None for a new one."""

    id: int | None
    text: str
    sub_point_style: str = Recommendation.SubPointStyle.LETTERED
    sub_points: list["RecommendationInput"] = field(default_factory=list)


def _tree(rows: list[Recommendation]) -> list[tuple]:
    top = sorted((r for r in rows if r.parent_id is None), key=lambda r: r.position)
    subs: dict[int, list[Recommendation]] = {}
    for row in sorted(rows, key=lambda r: r.position):
        if row.parent_id is not None:
            subs.setdefault(row.parent_id, []).append(row)
    return [(r.pk, r.text, r.sub_point_style, [(s.pk, s.text) for s in subs.get(r.pk, [])]) for r in top]


def _validate(inputs: list[RecommendationInput]) -> None:
    errors = []
    styles = Recommendation.SubPointStyle.values
    for n, rec in enumerate(inputs, start=1):
        if not rec.text.strip():
            errors.append(f"Recommendation {n} has no text.")
        if rec.sub_point_style not in styles:
            errors.append(f"Recommendation {n}: choose lettered or bulleted sub-points.")
        for m, sub in enumerate(rec.sub_points, start=1):
            if not sub.text.strip():
                errors.append(f"Recommendation {n}, sub-point {m} has no text.")
            if sub.sub_points:
                errors.append(f"Recommendation {n}, sub-point {m}: sub-points cannot have sub-points.")
    if errors:
        raise ValidationError({"recommendations": errors})


def recommendations_save(*, report: Report, inputs: list[RecommendationInput]) -> bool:
    """Upsert the report's recommendations by id; returns whether anything changed.

    Recommendations that still exist keep their ids; new ones are created; removed ones deleted.
    Positions run 1..n in the order given, sub-points 1..n under their parent. An id that is not
    one of this report's recommendations is treated as new.
    """
    _validate(inputs)
    existing = {r.pk: r for r in Recommendation.objects.filter(report=report)}
    wanted = [
        (
            rec.id if rec.id in existing else None,
            rec.text.strip(),
            rec.sub_point_style,
            [(s.id if s.id in existing else None, s.text.strip()) for s in rec.sub_points],
        )
        for rec in inputs
    ]
    if wanted == _tree(list(existing.values())):
        return False

    Recommendation.objects.filter(report=report).update(position=F("position") + _OUT_OF_THE_WAY)
    kept: set[int] = set()

    def place(pk, text, position, parent, style=Recommendation.SubPointStyle.LETTERED):
        row = existing.get(pk) if pk is not None and pk not in kept else None
        row = row or Recommendation(report=report)
        row.parent, row.position, row.text, row.sub_point_style = parent, position, text, style
        row.full_clean(exclude=["report", "parent"], validate_constraints=False)
        row.save()
        kept.add(row.pk)
        return row

    for n, (pk, text, style, subs) in enumerate(wanted, start=1):
        parent = place(pk, text, n, None, style)
        for m, (sub_pk, sub_text) in enumerate(subs, start=1):
            place(sub_pk, sub_text, m, parent)
    # Deleted last: a kept sub-point moved from a removed recommendation is not cascaded away.
    Recommendation.objects.filter(report=report).exclude(pk__in=kept).delete()
    return True


def _row_errors(key: str, label: str, error: ValidationError) -> ValidationError:
    """A related row's errors, moved onto the report form field that edits it."""
    return ValidationError({key: [f"{label}: {message}" for message in error.messages]})


def sections_save(report: Report, bodies: dict[int, str]) -> None:
    """Update the bodies of the sections given (position -> HTML), sanitised by `full_clean`."""
    sections = {s.position: s for s in ReportSection.objects.filter(report=report)}
    for position, body in bodies.items():
        section = sections.get(position)
        if section is None:
            raise ValidationError({"sections": f"This report has no section {position}."})
        stored = section.body
        section.body = body
        try:
            section.full_clean(validate_constraints=False)  # sanitises the HTML (nh3)
        except ValidationError as error:
            raise _row_errors("sections", f"Section {position}", error) from error
        if section.body != stored:
            section.save(update_fields=["body"])


def rows_replace(report: Report, model, key: str, label: str, rows: list[dict]) -> None:
    """Replace background papers or considerations, unless the list is unchanged."""
    names = list(rows[0]) if rows else ["pk"]
    stored = list(model.objects.filter(report=report).order_by("position", "pk").values(*names))
    if rows == stored:
        return
    objs = [model(report=report, position=i, **row) for i, row in enumerate(rows, start=1)]
    for i, obj in enumerate(objs, start=1):
        try:
            obj.full_clean(exclude=["report"])
        except ValidationError as error:
            raise _row_errors(key, f"{label} {i}", error) from error
    model.objects.filter(report=report).delete()
    model.objects.bulk_create(objs)
