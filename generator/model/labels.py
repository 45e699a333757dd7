"""The names readers see for the model's fields and the site's axes.

A field's name is its ``title`` in generator/model/notice.py (the JSON Schema shows the same title to
editors); the year, the one axis that is not a field (a notice's year is the year it was published),
is named here. The pages, the archives, the charts, the search facets and the open data take every
such name from this module, so renaming one is one edit.
"""

from __future__ import annotations

from pydantic import BaseModel

from generator.model.notice import Contact, Inspection, Notice, Problem

YEAR = "年份"


def _titles(model: type[BaseModel]) -> dict[str, str]:
    return {name: field.title for name, field in model.model_fields.items() if field.title}


NOTICE = _titles(Notice)
PROBLEM = _titles(Problem)
INSPECTION = _titles(Inspection)
CONTACT = _titles(Contact)
# The names of the archive axes and chart groupings, by the key the collection groups on.
AXES = {"year": YEAR, "region": NOTICE["region"], "domain": NOTICE["domain"]}
