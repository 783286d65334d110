"""Page furniture: whole lines that belong to the web page, not to the chapter."""

from __future__ import annotations

import re

_FURNITURE = re.compile(
    r"""^(?:
        table\ of\ contents\b.*
      | previous\ section\b.*
      | next\ section\b.*
      | westside\ toastmasters\ is\ located\ in\b.*
      | .{0,60}\bon\ meetup
      | .{0,60}\b\d{1,3}[\ -]min(?:ute)?s?\ read
    )$""",
    re.IGNORECASE | re.VERBOSE,
)


def is_furniture(line: str) -> bool:
    """True for a line of page furniture (navigation, club banner, "on Meetup")."""
    line = line.strip()
    return len(line) <= 160 and bool(_FURNITURE.match(line))
