"""Reading a chapter file into the document model the extractors trust.

A chapter comes as the site's page text, Markdown, a saved HTML page or a PDF handout; each
format has its reader in `readers/`, which reports raw blocks (headings, text, list items,
marked terms). This module turns them into one `Document` the same way for every format: it
drops page furniture (navigation lines, the club banner, "on Meetup"), takes out the cards a
member wrote by hand, finds the title, groups items into lists named by their heading or
lead-in sentence, and decides what each list holds. Text is only ever text: markup inside
page text is never interpreted.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from leadership_cards.document import (
    Block,
    Document,
    Heading,
    ListItem,
    ListRole,
    NumberedList,
    Paragraph,
    Title,
    WrittenCard,
    singular,
)
from leadership_cards.errors import SourceError
from leadership_cards.readers import files
from leadership_cards.readers import text as page_text
from leadership_cards.readers.furniture import is_furniture
from leadership_cards.readers.raw import RawBlock, RawKind
from leadership_cards.readers.written import take_written

__all__ = [
    "Block",
    "Document",
    "Heading",
    "ListItem",
    "ListRole",
    "NumberedList",
    "Paragraph",
    "Title",
    "WrittenCard",
    "build_document",
    "is_furniture",
    "parse_document",
    "parse_title",
    "read_document",
    "singular",
]

_CHAPTER_TITLE = re.compile(
    r"^(?:chapter\s+(?P<chapter>\d+)\s*[:.\-–—]\s*)?"
    r"(?:technique\s+(?P<technique>\d+)\s*[:.\-–—]\s*)?(?P<subject>.+)$",
    re.IGNORECASE,
)


def parse_title(text: str) -> Title:
    """Split "Chapter 5: Technique 2: Maintaining a Relationship Focus" into its parts."""
    match = _CHAPTER_TITLE.match(text.strip())
    assert match  # the pattern accepts any non-empty text
    chapter, technique = match.group("chapter"), match.group("technique")
    return Title(
        text=text.strip(),
        chapter_number=int(chapter) if chapter else None,
        technique_number=int(technique) if technique else None,
        subject=match.group("subject").strip(),
    )


def read_document(path: str | Path) -> Document:
    """Read a chapter file in any format we know. Raises SourceError for anything that is
    not a usable chapter (a missing, unreadable, binary or oversized file; a PDF without a
    text layer; a page with no chapter text)."""
    path = Path(path)
    chapter = files.read_chapter_file(path)
    return build_document(chapter.blocks, path.name, where=str(path), format=chapter.format)


def parse_document(text: str, file: str, where: str | None = None) -> Document:
    """Parse page text; `file` is the name cards cite, `where` names it in errors."""
    return build_document(page_text.read(text), file, where=where)


def build_document(
    raw: list[RawBlock], file: str, where: str | None = None, format: str = "text"
) -> Document:
    """The document a reader's raw blocks describe (see the module's docstring)."""
    where = where or file
    raw = [_without_furniture(block) for block in raw]
    raw, written = take_written([block for block in raw if block.lines], where)
    if not raw and not written:
        raise SourceError(f"{where} has no chapter text to make cards from.")
    title: Title | None = None
    first = raw[0] if raw else None
    # A section heading ("DISCUSSION ISSUES AND QUESTIONS") is not the chapter's title.
    if (
        first is not None
        and first.kind is RawKind.HEADING
        and first.level <= 1
        and not _SECTION_HEADING.search(first.text)
    ):
        title = parse_title(first.text)
        raw = raw[1:]
    return Document(
        file=file, title=title, blocks=_placed(_blocks(raw)), written=tuple(written), format=format
    )


#: A list title short enough to cite a list by ("Lessons from the stage"); a longer one
#: (a lead-in sentence, a parent item's text) is cited by its order instead.
_MAX_PLACE_WORDS = 6


def _placed(blocks: list[Block]) -> tuple[Block, ...]:
    """The blocks, each list after the first of its item noun ("key point", "term") named by
    its title or its order, so two lists' items never share a position. The first keeps the
    plain positions ("key point 3") it has always had."""
    used: dict[str, set[str]] = {}
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, NumberedList):
            places = used.setdefault(block.item_noun, set())
            if places:
                title = " ".join(block.title.split()).strip(" .:")
                place = title if 0 < len(title.split()) <= _MAX_PLACE_WORDS else ""
                if not place or place in places:
                    place = f"list {len(places) + 1}"
                block = replace(block, place=place)
            places.add(block.place)
        out.append(block)
    return tuple(out)


def _without_furniture(block: RawBlock) -> RawBlock:
    if any(is_furniture(line) for line in block.lines):
        block.lines = [line for line in block.lines if not is_furniture(line)]
    return block


def _blocks(raw: list[RawBlock]) -> list[Block]:
    blocks: list[Block] = []
    headings = paragraphs = 0
    heading: str | None = None  # the heading since the last list, if any
    lead_in: str | None = None  # a paragraph ending in ":" right before a list
    run: list[RawBlock] = []

    def flush() -> None:
        nonlocal heading
        if run:
            blocks.extend(_lists(run, heading, lead_in))
            run.clear()
            heading = None

    for block in _glossary_runs(raw):
        if block.kind is RawKind.ITEM:
            run.append(block)
            continue
        flush()
        lead_in = None
        if block.kind is RawKind.HEADING:
            headings += 1
            blocks.append(Heading(block.text, headings, max(block.level, 2)))
            heading = block.text
        else:
            paragraphs += 1
            text = block.text
            blocks.append(Paragraph(text, paragraphs, _terms(block.terms, text)))
            if text.endswith(":"):
                lead_in = text
    flush()
    return blocks


def _lists(run: list[RawBlock], heading: str | None, lead_in: str | None) -> list[NumberedList]:
    """The lists a run of items makes: a list ends where numbering restarts or the kind of
    item changes; an item's own sub-items make a list after it. The lists inside lists are
    kept on a stack, so any depth of nesting costs time linear in the items."""
    title = _lead_in_title(lead_in) if lead_in else (heading or "")
    out: list[NumberedList] = []
    nested: list[NumberedList] = []
    top: list[RawBlock] = []
    inner: list[tuple[int, list[RawBlock], str]] = []  # open sub-lists, deepest last

    def close_inner(depth: int) -> None:
        """Close the open sub-lists at `depth` and deeper."""
        while inner and inner[-1][0] >= depth:
            _, items, sub_title = inner.pop()
            nested.append(_make_list(items, None, sub_title))

    def close_top() -> None:
        close_inner(1)
        if top:
            first = not out
            out.append(_make_list(list(top), heading if first else None, title if first else ""))
            top.clear()
        out.extend(nested)
        nested.clear()

    for item in run:
        if item.depth == 0 or not top:
            close_inner(1)
            if top and _restarts(top[-1], item):
                close_top()
            top.append(item)
            continue
        close_inner(item.depth + 1)
        if inner and inner[-1][0] == item.depth and _restarts(inner[-1][1][-1], item):
            close_inner(item.depth)
        if not inner or inner[-1][0] < item.depth:
            parent = inner[-1][1][-1] if inner else top[-1]
            inner.append((item.depth, [], parent.text.rstrip(":").strip()))
        inner[-1][1].append(item)
    close_top()
    return out


def _restarts(previous: RawBlock, item: RawBlock) -> bool:
    if item.ordered != previous.ordered:
        return True
    return (
        item.number is not None and previous.number is not None and item.number <= previous.number
    )


def _lead_in_title(text: str) -> str:
    """ "The Toastmasters meeting has three evaluators:" -> that sentence, without its colon
    (a lead-in's last sentence introduces the list)."""
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text)[-1]
    return sentence.rstrip(":").strip()


# The site's pages of a chapter's points call them "Issues" ("DISCUSSION ISSUES AND
# QUESTIONS", then "Issues" and "Questions" lists).
_KEY_POINT_HEADING = re.compile(
    r"key points?|summary|takeaways?|main points?|\bissues?\b|lessons?|remember", re.IGNORECASE
)
#: A heading that names a section of the page, never the chapter's title.
_SECTION_HEADING = re.compile(r"\bdiscussion\b|\bquestions?\b|\bissues?\b", re.IGNORECASE)
_QUESTION_HEADING = re.compile(r"questions?", re.IGNORECASE)
_GLOSSARY_HEADING = re.compile(r"glossary|\bterms\b|definitions|vocabulary", re.IGNORECASE)
# "Timer: keeps each speech to its time", "Ah-Counter – notes filler words".
_GLOSS = re.compile(r"^(?P<term>[\w\"“‘'(][^:.!?;]{0,58}?)\s*(?::|\s[–—-])\s+(?P<meaning>\S.*)$")
_MARKED_GLOSS = re.compile(r"^(?P<sep>\s*(?::|[.,]|\s?[–—-]))\s+\S")
_MAX_TERM_WORDS = 6


def _glossary_term(text: str, terms: list[str]) -> str:
    """The term of a "Term: meaning" entry; "" for any other text. A marked term that opens
    the text ("**Timer.** Keeps time") may be followed by a full stop or comma too."""
    for term in terms:
        if text.startswith(term) and _MARKED_GLOSS.match(text, len(term)):
            return term
    m = _GLOSS.match(text)
    if (
        m
        and len(m.group("term").split()) <= _MAX_TERM_WORDS
        and len(m.group("meaning").split()) >= 2
    ):
        return m.group("term")
    return ""


def _glossary_runs(raw: list[RawBlock]) -> list[RawBlock]:
    """Two or more paragraphs in a row that each define a term ("**Timer**: keeps time"), or
    a paragraph whose every line does, read as the items of one glossary list."""
    raw = [entry for block in raw for entry in _glossary_lines(block)]
    out: list[RawBlock] = []
    i = 0
    while i < len(raw):
        j = i
        while (
            j < len(raw)
            and raw[j].kind is RawKind.TEXT
            and _glossary_term(raw[j].text, raw[j].terms)
        ):
            j += 1
        if j - i >= 2:
            for block in raw[i:j]:
                out.append(RawBlock(RawKind.ITEM, block.lines, block.terms, ordered=False))
            i = j
        else:
            out.append(raw[i])
            i += 1
    return out


def _glossary_lines(block: RawBlock) -> list[RawBlock]:
    if (
        block.kind is not RawKind.TEXT
        or len(block.lines) < 2
        or not all(_glossary_term(line.strip(), block.terms) for line in block.lines)
    ):
        return [block]
    return [
        RawBlock(RawKind.ITEM, [line], [t for t in block.terms if t in line])
        for line in block.lines
    ]


def _make_list(items: list[RawBlock], heading: str | None, title: str) -> NumberedList:
    ordered = items[0].ordered
    made = tuple(
        ListItem(
            item.number if ordered and item.number is not None else position,
            item.text,
            _terms(item.terms, item.text),
            _glossary_term(item.text, item.terms),
        )
        for position, item in enumerate(items, 1)
    )
    title = title or heading or ""
    asking = sum("?" in item.text for item in made)
    defining = sum(bool(item.term) for item in made)
    if (heading and _QUESTION_HEADING.search(heading)) or asking * 2 > len(made):
        role = ListRole.QUESTIONS
    elif (heading and _GLOSSARY_HEADING.search(heading)) or (
        not heading and defining * 3 >= len(made) * 2 and len(made) >= 2
    ):
        role = ListRole.GLOSSARY
    elif heading and not _KEY_POINT_HEADING.search(heading) and len(heading.split()) <= 5:
        return NumberedList(made, ListRole.ITEMS, heading, ordered, title)
    else:
        role = ListRole.KEY_POINTS
    return NumberedList(made, role, "", ordered, title)


#: More marked phrases than any paragraph needs; the bound keeps a page of nothing but bold
#: text linear to read.
_MAX_TERMS = 100


def _terms(marked: list[str], text: str) -> tuple[str, ...]:
    """The marked phrases, spaced as in `text`, each once, in order; none that is not in it."""
    out: dict[str, None] = {}
    for term in marked[: _MAX_TERMS * 2]:
        term = " ".join(term.split()).strip(" :.,;")
        if term and term not in out and term in text:
            out[term] = None
    return tuple(out)[:_MAX_TERMS]
