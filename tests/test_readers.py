"""The readers on real files through the real parsers: one chapter written as page text,
Markdown, a saved HTML page and a PDF handout (written here with fpdf2) gives the same cards;
hashcards decks add as they are."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from click.testing import CliRunner
from fpdf import FPDF

from leadership_cards.cards import WRITTEN_KINDS, Kind
from leadership_cards.cli import cli
from leadership_cards.deck_source import deck_from_paths
from leadership_cards.errors import SourceError
from leadership_cards.generate import generate, generate_chapter
from leadership_cards.source import ListRole, read_document

#: One chapter, as blocks every format can write: the title, paragraphs, headings, lists.
CHAPTER: list[tuple[str, object]] = [
    ("title", "The Art of Evaluation"),
    (
        "p",
        "An evaluation is the feedback a fellow member gives on a prepared speech. A good "
        "evaluation is specific, not vague, since the speaker must know what to change. "
        "Evaluators rely on encouragement more than criticism, because members return to a "
        "club where they feel they are growing.",
    ),
    (
        "p",
        "Evaluation follows a simple pattern. First, the evaluator praises what worked in the "
        "speech. Second, the evaluator suggests one or two changes the speaker can make. "
        "Third, the evaluator closes with encouragement for the next speech.",
    ),
    ("h", "Key Points"),
    (
        "ol",
        [
            "The speech evaluator speaks for two to three minutes, not longer.",
            "The General Evaluator evaluates the meeting as a whole, not just the speeches.",
            "The Timer reports each speaker's time with green, yellow and red lights.",
        ],
    ),
    ("h", "Evaluation Techniques"),
    (
        "ol",
        [
            "Listening for the speaker's purpose before judging the delivery.",
            "Noting the speaker's strongest moment in the speaker's own words.",
            "Offering a single change that the speaker can practice next time.",
        ],
    ),
    ("h", "Discussion Questions"),
    (
        "ol",
        [
            "What makes an evaluation useful to you?",
            "How do you give feedback to a nervous speaker?",
        ],
    ),
]


def as_text(blocks=CHAPTER) -> str:
    out = []
    for kind, value in blocks:
        if kind == "ol":
            out.append("\n".join(f"{n}. {item}" for n, item in enumerate(value, 1)))
        elif kind == "ul":
            out.append("\n".join(f"- {item}" for item in value))
        else:
            out.append(str(value))
    return "\n\n".join(out) + "\n"


def as_markdown(blocks=CHAPTER) -> str:
    out = ["---\nauthor: Club Education Team\n---"]
    for kind, value in blocks:
        if kind == "title":
            out.append(f"# {value}")
        elif kind == "h":
            out.append(f"## {value}")
        elif kind == "ol":
            out.append("\n".join(f"{n}. {item}" for n, item in enumerate(value, 1)))
        elif kind == "ul":
            out.append("\n".join(f"- {item}" for item in value))
        else:
            out.append(_wrap(str(value)))  # Markdown paragraphs are written wrapped
    out.append("```\nprint('code is not chapter text')\n```")
    return "\n\n".join(out) + "\n"


def as_html(blocks=CHAPTER) -> str:
    body = []
    for kind, value in blocks:
        if kind == "title":
            body.append(f"<h1>{html.escape(str(value))}</h1>")
        elif kind == "h":
            body.append(f"<h2>{html.escape(str(value))}</h2>")
        elif kind in ("ol", "ul"):
            items = "".join(f"<li>{html.escape(item)}</li>\n" for item in value)
            body.append(f"<{kind}>\n{items}</{kind}>")
        else:
            body.append(f"<p>{html.escape(_wrap(str(value)))}</p>")
    return (
        "<!DOCTYPE html>\n<html><head><title>Club | Evaluation</title>"
        "<script>window.track = function () { return 'not text'; };</script>"
        "<style>p { margin: 0 }</style></head><body>"
        '<header><nav><a href="/">Home</a> | <a href="/about">About us</a></nav></header>'
        "<main>\n" + "\n".join(body) + "\n</main><footer>Copyright the club</footer>"
        "</body></html>\n"
    )


def as_pdf(path: Path, blocks=CHAPTER) -> Path:
    pdf = FPDF()
    pdf.core_fonts_encoding = "windows-1252"  # dashes and curly quotes, as handouts have
    pdf.add_page()
    for kind, value in blocks:
        if kind == "title":
            pdf.set_font("Helvetica", "B", 20)
            pdf.multi_cell(0, 10, str(value), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
        elif kind == "h":
            pdf.ln(3)
            pdf.set_font("Helvetica", "B", 14)
            pdf.multi_cell(0, 8, str(value), new_x="LMARGIN", new_y="NEXT")
        elif kind in ("ol", "ul"):
            pdf.set_font("Helvetica", "", 11)
            for n, item in enumerate(value, 1):
                mark = f"{n}." if kind == "ol" else "-"
                pdf.multi_cell(0, 6, f"{mark} {item}", new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("Helvetica", "", 11)
            pdf.multi_cell(0, 6, str(value), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        if pdf.get_y() > 200:
            pdf.add_page()  # paragraphs and lists carry over page breaks too
    pdf.output(str(path))
    return path


def _wrap(text: str, width: int = 72) -> str:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + len(word) >= width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line])


def write_all(folder: Path, blocks=CHAPTER, stem: str = "evaluation") -> dict[str, Path]:
    paths = {
        "text": folder / f"{stem}.txt",
        "markdown": folder / f"{stem}.md",
        "html": folder / f"{stem}.html",
    }
    paths["text"].write_text(as_text(blocks), encoding="utf-8")
    paths["markdown"].write_text(as_markdown(blocks), encoding="utf-8")
    paths["html"].write_text(as_html(blocks), encoding="utf-8")
    paths["pdf"] = as_pdf(folder / f"{stem}.pdf", blocks)
    return paths


def seen(path: Path) -> list[tuple[str, str, str, str]]:
    doc = read_document(path)
    cards = generate_chapter(doc, deck="evaluation")
    return [(c.kind, c.front, c.back, c.source.position) for c in cards]


def test_one_chapter_in_four_formats_gives_the_same_cards(tmp_path: Path) -> None:
    paths = write_all(tmp_path)
    docs = {form: read_document(path) for form, path in paths.items()}
    assert {form: doc.format for form, doc in docs.items()} == {f: f for f in paths}
    plain = docs["text"]
    assert plain.title is not None and plain.title.text == "The Art of Evaluation"
    assert [lst.role for lst in plain.lists] == [
        ListRole.KEY_POINTS,
        ListRole.ITEMS,
        ListRole.QUESTIONS,
    ]
    for form, doc in docs.items():
        assert doc.title == plain.title, form
        assert doc.blocks == plain.blocks, form
    expected = seen(paths["text"])
    assert len(expected) >= 10
    for form in ("markdown", "html", "pdf"):
        assert seen(paths[form]) == expected, form


def test_bulleted_lists_read_alike_in_every_format(tmp_path: Path) -> None:
    blocks = [
        ("title", "Meeting Roles"),
        ("p", "A club meeting runs on roles that members take in turn:"),
        (
            "ul",
            [
                "Timer: keeps each speech within its time",
                "Grammarian: introduces the word of the day",
                "Ah-Counter: notes filler words such as um and ah",
            ],
        ),
    ]
    paths = write_all(tmp_path, blocks, stem="roles")
    lists = {form: read_document(path).lists for form, path in paths.items()}
    for form, found in lists.items():
        (roles,) = found
        assert not roles.ordered, form
        assert roles.role is ListRole.GLOSSARY, form
        assert roles.title == "A club meeting runs on roles that members take in turn", form
        assert [i.term for i in roles.items] == ["Timer", "Grammarian", "Ah-Counter"], form


def test_pdf_lines_are_reflowed_and_hyphenation_mended(tmp_path: Path) -> None:
    """A handout set by hand, line by line: breaks inside hyphenated words, a running
    header and page numbers on every page."""
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pages = [
        [
            "Members who take on a role at every meeting build confi-",
            "dence quickly, and a self-",
            "aware speaker learns from each evaluation.",
        ],
        [
            "The self-aware speaker asks for one change at a time and practices",
            "it until it holds.",
        ],
    ]
    for number, lines in enumerate(pages, 1):
        pdf.add_page()
        pdf.set_font("Helvetica", "", 9)
        pdf.cell(0, 5, "Speaker Handbook", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
        pdf.set_font("Helvetica", "", 11)
        for line in lines:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(-20)
        pdf.set_font("Helvetica", "", 9)
        pdf.cell(0, 5, str(number), align="C")
    path = tmp_path / "handbook.pdf"
    pdf.output(str(path))
    (first, second) = read_document(path).paragraphs
    assert first.text == (
        "Members who take on a role at every meeting build confidence quickly, and a "
        "self-aware speaker learns from each evaluation."
    )
    assert second.text.startswith("The self-aware speaker asks for one change")


def test_a_pdf_page_with_every_kind_of_line_at_once(tmp_path: Path) -> None:
    """A body-size bold heading, a running header, bold terms that open and sit inside
    lines, a word hyphenated at a line end and page numbers, on one handout of two pages."""
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pages = [
        [
            ("B", "Commending a Speech"),
            ("", "A **commendation** names one thing the speaker did well and why it"),
            ("", "worked, so that the speaker keeps doing it. The evaluator's encourage-"),
            ("", "ment matters most when **specific praise** comes before any suggestion."),
        ],
        [
            ("B", "Suggesting a Change"),
            ("", "**A recommendation** asks for one change the speaker can practise before"),
            ("", "the next speech, and says how the change will help the audience."),
        ],
    ]
    for number, lines in enumerate(pages, 1):
        pdf.add_page()
        pdf.set_font("Helvetica", "I", 9)
        pdf.cell(0, 5, "Evaluation Handbook", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
        for style, line in lines:
            pdf.set_font("Helvetica", style, 11)
            pdf.cell(0, 6, line, markdown=True, new_x="LMARGIN", new_y="NEXT")
            if style:
                pdf.ln(2)
        pdf.set_y(-20)
        pdf.set_font("Helvetica", "", 9)
        pdf.cell(0, 5, f"Page {number}", align="C")
    path = tmp_path / "commend.pdf"
    pdf.output(str(path))
    doc = read_document(path)
    assert [h.text for h in doc.headings] == ["Suggesting a Change"]
    assert doc.title is not None and doc.title.text == "Commending a Speech"
    first, second = doc.paragraphs
    assert first.text == (
        "A commendation names one thing the speaker did well and why it worked, so that the "
        "speaker keeps doing it. The evaluator's encouragement matters most when specific "
        "praise comes before any suggestion."
    )
    assert first.terms == ("commendation", "specific praise")
    assert second.text.startswith("A recommendation asks for one change")
    assert second.terms == ("A recommendation",)
    assert "Evaluation Handbook" not in " ".join(p.text for p in doc.paragraphs)


def test_a_bold_phrase_set_in_pieces_is_one_term(tmp_path: Path) -> None:
    """A layout program may draw a bold phrase word by word, leaving gaps for the spaces;
    the phrase is still one term."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.cell(30, 6, "Members call it")
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(14, 6, "active")
    pdf.cell(18, 6, "listening")
    pdf.set_font("Helvetica", "", 11)
    pdf.cell(0, 6, "when the listener restates a speech;", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 6, "it is a skill that every club member can practise.", new_x="LMARGIN")
    path = tmp_path / "pieces.pdf"
    pdf.output(str(path))
    (paragraph,) = read_document(path).paragraphs
    assert paragraph.text.startswith("Members call it active listening when the listener")
    assert paragraph.terms == ("active listening",)


HASHCARDS = """Q: What is the order of a group?
A: The cardinality of its underlying set.

C: The [Timer] shows the [green] light when a speaker reaches the minimum time.

Q: Which lights does the Timer use?
A:

- green
- yellow
- red
"""


def test_a_hashcards_deck_adds_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "Timing.md"
    path.write_text(HASHCARDS, encoding="utf-8")
    cards = generate(deck_from_paths([path]))
    assert {c.kind for c in cards} == {Kind.QUESTION, Kind.CLOZE}
    assert sorted((c.front, c.back) for c in cards) == sorted(
        [
            ("What is the order of a group?", "The cardinality of its underlying set."),
            (
                "The [...] shows the green light when a speaker reaches the minimum time.",
                "Timer",
            ),
            (
                "The Timer shows the [...] light when a speaker reaches the minimum time.",
                "green",
            ),
            ("Which lights does the Timer use?", "green; yellow; red"),
        ]
    )
    clozes = [c for c in cards if c.cloze]
    assert {c.item for c in clozes} == {clozes[0].item}  # siblings, never on one day
    db = tmp_path / "c.db"
    result = CliRunner().invoke(cli, ["add", str(path), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "4 new cards" in result.stdout


def test_hand_written_cards_sit_beside_generated_ones(tmp_path: Path) -> None:
    text = as_text() + (
        "\nQ: How long does a speech evaluation last?\nA: Two to three minutes.\n\n"
        "C: The [General Evaluator] evaluates the meeting as a whole.\n"
    )
    path = tmp_path / "evaluation.txt"
    path.write_text(text, encoding="utf-8")
    cards = generate_chapter(read_document(path))
    written = [c for c in cards if c.kind in WRITTEN_KINDS]
    assert [(c.front, c.back) for c in written] == [
        ("How long does a speech evaluation last?", "Two to three minutes."),
        ("The [...] evaluates the meeting as a whole.", "General Evaluator"),
    ]
    # Their text is not mined again: no generated card cites the hand-written lines.
    generated = [c for c in cards if c.kind not in WRITTEN_KINDS]
    assert not [c for c in generated if "Q:" in c.source.passage or "C:" in c.source.passage]
    without = generate_chapter(read_document(_write(tmp_path / "plain.txt", as_text())))
    # The same generated cards, less any whose question shows a hand-written card's answer.
    assert {c.front for c in generated} <= {c.front for c in without}
    shown = {c.front for c in without} - {c.front for c in generated}
    assert all("General Evaluator" in front for front in shown)


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("depth", [50, 3000])
def test_deep_nesting_is_read_without_recursion(tmp_path: Path, depth: int) -> None:
    md = tmp_path / "deep.md"
    md.write_text("# Deep\n\n" + "".join("  " * i + "- level item\n" for i in range(depth)))
    doc = read_document(md)
    assert sum(len(lst.items) for lst in doc.lists) >= 1
    page = tmp_path / "deep.html"
    page.write_text("<html><body><h1>Deep</h1>" + "<ul><li>level item" * depth + "</body></html>")
    if depth < 256:
        assert sum(len(lst.items) for lst in read_document(page).lists) == depth
    else:  # the parser would stop reading part-way: nothing is made of part of a page
        with pytest.raises(SourceError, match=r"nests its markup too deep \(over 256 levels\)"):
            read_document(page)


def _scanned_pdf(path: Path) -> Path:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 120, 80, style="F")  # a page of picture, no text layer
    pdf.output(str(path))
    return path


def _encrypted_pdf(path: Path) -> Path:
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="member")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, "The Timer keeps every speech within its time, not longer.")
    pdf.output(str(path))
    return path


def _fifo(path: Path) -> Path:
    import os

    os.mkfifo(path)
    return path


def _oversized(path: Path) -> Path:
    with path.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)  # sparse: no disk used
    return path


BAD_INPUT = [
    (_scanned_pdf, "scan.pdf", "has no text layer (a scanned PDF?), so no text to read."),
    (_encrypted_pdf, "locked.pdf", "is an encrypted PDF; save a copy without a password."),
    (
        lambda p: _write(
            p,
            "<html><head><script>" + "var x = 1;\n" * 400 + "</script></head><body>"
            "<div id='app'></div><noscript>Enable JavaScript.</noscript></body></html>",
        ),
        "app.html",
        "is mostly script, with no chapter text to read.",
    ),
    (
        lambda p: _write(p, "```python\nprint('hello')\n```\n\n    indented code\n"),
        "snippets.md",
        "holds only code blocks, no chapter text.",
    ),
    (lambda p: _write(p, "Just A Heading\n\nok then.\n"), "thin.txt", "yields no cards."),
    (_fifo, "pipe.txt", "is not a regular file (a device, pipe or socket)."),
    (
        _oversized,
        "huge.txt",
        "is larger than 20 MB, the limit for a chapter file.",
    ),
]


@pytest.mark.parametrize(("make", "name", "message"), BAD_INPUT, ids=[b[1] for b in BAD_INPUT])
def test_bad_input_is_one_line_and_writes_nothing(tmp_path: Path, make, name, message) -> None:
    path = make(tmp_path / name)
    db = tmp_path / "collection.db"
    result = CliRunner().invoke(cli, ["add", str(path), "--db", str(db)])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"Error: {path} {message}\n"
    assert not db.exists()


def test_a_device_is_refused_at_once(tmp_path: Path) -> None:
    db = tmp_path / "collection.db"
    result = CliRunner().invoke(cli, ["add", "/dev/zero", "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr == "Error: /dev/zero is not a regular file (a device, pipe or socket).\n"
    assert not db.exists()


def test_a_folder_reports_every_file_it_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "club notes"
    folder.mkdir()
    _write(folder / "evaluation.txt", as_text())
    _scanned_pdf(folder / "scan.pdf")
    _write(folder / "photo.jpg", "not really a photo")
    _write(folder / "empty.md", "\n")
    (folder / "drafts").mkdir()
    _fifo(folder / "pipe.md")
    db = tmp_path / "collection.db"
    result = CliRunner().invoke(cli, ["add", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "Skipped drafts, which is a folder (folders inside a folder are not read).",
        "Skipped empty.md, which is empty.",
        "Skipped photo.jpg, which is not a chapter file (.txt, .md, .html or .pdf).",
        "Skipped pipe.md, which is not a regular file (a device, pipe or socket).",
        "Skipped scan.pdf, which has no text layer (a scanned PDF?), so no text to read.",
    ]
    assert "Added deck 'club-notes'" in result.stdout


def test_a_handout_as_extracted_text_and_as_its_pdf_gives_the_same_cards() -> None:
    """The corpus handout: its text exactly as a PDF reader extracts it (hard line breaks,
    words hyphenated at line ends, headings over their paragraphs) and the PDF itself."""
    corpus = Path(__file__).parent / "corpus"
    text, pdf = (
        read_document(corpus / "handout-conflict.txt"),
        read_document(corpus / "handout-conflict.pdf"),
    )
    assert text.blocks == pdf.blocks
    assert "a team's decisions, because" in " ".join(p.text for p in text.paragraphs)
    cards = generate_chapter(text)
    assert [(c.kind, c.front, c.back) for c in cards] == [
        (c.kind, c.front, c.back) for c in generate_chapter(pdf)
    ]


def test_bold_terms_are_marked_alike_in_markdown_html_and_pdf(tmp_path: Path) -> None:
    sentence = (
        "**Active listening** is giving a speaker full attention, and **paraphrasing** is "
        "restating the speaker's message in your own words so that the speaker can correct it."
    )
    md = _write(tmp_path / "listening.md", f"# Listening\n\n{sentence}\n")
    page = _write(
        tmp_path / "listening.html",
        "<html><body><h1>Listening</h1><p>"
        + html.escape(sentence)
        .replace("**", "<b>", 1)
        .replace("**", "</b>", 1)
        .replace("**", "<strong>", 1)
        .replace("**", "</strong>", 1)
        + "</p></body></html>",
    )
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 20)
    pdf.multi_cell(0, 10, "Listening", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, sentence, markdown=True, new_x="LMARGIN", new_y="NEXT")
    handout = tmp_path / "listening.pdf"
    pdf.output(str(handout))
    found = {path.suffix: read_document(path).paragraphs for path in (md, page, handout)}
    for suffix, paragraphs in found.items():
        (paragraph,) = paragraphs
        assert paragraph.terms == ("Active listening", "paraphrasing"), suffix
        assert paragraph.text == sentence.replace("**", ""), suffix


def test_a_page_saved_in_its_declared_character_set(tmp_path: Path) -> None:
    page = tmp_path / "old-site.html"
    page.write_bytes(
        b'<html><head><meta http-equiv="Content-Type" content="text/html; '
        b'charset=windows-1252"></head><body><h1>Caf\xe9 Leadership</h1><p>A leader\x92s '
        b"first job is to listen \x96 not to speak.</p></body></html>"
    )
    doc = read_document(page)
    assert doc.title is not None and doc.title.text == "Café Leadership"
    assert doc.paragraphs[0].text == "A leader’s first job is to listen – not to speak."
