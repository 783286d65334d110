"""Lay out a handout's text as a PDF with a text layer, one PDF line per text line.

    python tests/corpus/make_pdf.py tests/corpus/handout-conflict.txt

writes handout-conflict.pdf beside it (needs fpdf2: pip install fpdf2). The text file is
the handout exactly as a PDF reader would extract it: the first line is the title, the
second a subtitle; a short line after a blank line that does not end in punctuation and
is followed by text is a heading; "1. " starts a list item and three spaces continue it.
Lines are kept as they are, so a word hyphenated at a line end stays broken in the PDF.
"""

import re
import sys
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

MARGIN_MM = 20
LINE_MM = 5.6
INDENT_MM = 6
HEADING_MAX_CHARS = 50
# A fixed date keeps the PDF byte-for-byte the same each time it is made.
CREATED = datetime(2025, 1, 1, tzinfo=UTC)


def is_heading(lines: list[str], i: int) -> bool:
    line = lines[i]
    return (
        i > 1
        and lines[i - 1] == ""
        and i + 1 < len(lines)
        and lines[i + 1] != ""
        and len(line) <= HEADING_MAX_CHARS
        and not re.match(r"\d+\. ", line)
        and not line.rstrip().endswith((".", ":", ";", ","))
    )


def make_pdf(text_path: Path) -> Path:
    lines = text_path.read_text(encoding="utf-8").splitlines()
    pdf = FPDF(format="A4")
    pdf.set_creation_date(CREATED)
    pdf.set_title(lines[0])
    pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
    pdf.set_auto_page_break(auto=True, margin=MARGIN_MM)
    pdf.add_page()
    width = pdf.w - 2 * MARGIN_MM
    for i, line in enumerate(lines):
        if i == 0:
            pdf.set_font("Helvetica", "B", 18)
            height = 10.0
        elif i == 1:
            pdf.set_font("Helvetica", "I", 11)
            height = 8.0
        elif line == "":
            pdf.ln(3)
            continue
        elif is_heading(lines, i):
            pdf.set_font("Helvetica", "B", 13)
            height = 8.0
        else:
            pdf.set_font("Helvetica", "", 11)
            height = LINE_MM
        indent = INDENT_MM if line.startswith("   ") else 0
        line = line.strip()
        if pdf.get_string_width(line) > width - indent:
            raise SystemExit(f"{text_path.name}:{i + 1}: line too wide for the page")
        pdf.set_x(MARGIN_MM + indent)
        pdf.cell(width - indent, height, line, new_x="LMARGIN", new_y="NEXT")
    out = text_path.with_suffix(".pdf")
    pdf.output(str(out))
    return out


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(make_pdf(Path(name)))
