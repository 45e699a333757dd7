"""The inline styles that hide text from readers, defined once.

The spam check flags them in a notice (``generator.check.spam``) and ``notices import`` leaves the text
they hide out of the draft and reports it (``generator.importing.html``).
"""

from __future__ import annotations

import re

# A CSS length of zero in any unit (0, 0px, 0.0em, 0vw …), not the start of a non-zero one (0.5em).
_ZERO = r"0+(?:\.0+)?(?:px|pt|pc|em|rem|ex|ch|vw|vh|vmin|vmax|cm|mm|in|q|%)?(?![0-9a-z.])"

# (property, value): a style that hides the element's text.
HIDDEN_STYLES = (("display", "none"), ("visibility", "hidden"), ("font-size", _ZERO))

HIDING_STYLE = re.compile("|".join(rf"{name}\s*:\s*{value}" for name, value in HIDDEN_STYLES), re.IGNORECASE)
HIDING_PROPERTIES = tuple(name for name, _ in HIDDEN_STYLES)
