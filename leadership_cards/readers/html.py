"""A saved HTML page through lxml's HTML parser (libxml2, forgiving of broken markup):
headings, paragraphs, numbered and bulleted lists, definition lists as glossaries, and
<strong>/<b>/<em> as term markers. Scripts, styles, navigation and the page's header and
footer furniture are dropped; when the page marks its content (<main>, one <article>), only
that is read. The tree is walked with an explicit stack, so any nesting depth is safe."""

from __future__ import annotations

from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from leadership_cards.errors import SourceError
from leadership_cards.readers import raw
from leadership_cards.readers.raw import RawBlock, RawKind

_DROPPED = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "aside",
        "form",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "button",
        "select",
        "textarea",
        "head",
        "title",
        "meta",
        "link",
        "pre",
        "code",
        "canvas",
        "video",
        "audio",
        "map",
        "dialog",
    ]
)
_PAGE_FURNITURE = frozenset({"header", "footer"})  # dropped around the content, kept inside it
_FURNITURE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})
_SCRIPT = frozenset({"script", "style", "noscript", "template"})
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "main",
        "blockquote",
        "figure",
        "figcaption",
        "address",
        "table",
        "tr",
        "td",
        "th",
        "caption",
        "details",
        "summary",
        "center",
        "header",
        "footer",
        "body",
    ]
)
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_TERMS = frozenset({"strong", "b", "em", "dfn", "mark"})
#: A page with less visible text than this, and ten times as much script, is a script.
_MOSTLY_SCRIPT_CHARS = 200


@dataclass(slots=True)
class _Context:
    kind: str  # "text", "heading", "item", "term" (a <dt>) or "meaning" (a <dd>)
    level: int = 2
    number: int | None = None
    ordered: bool = False
    depth: int = 0
    block: RawBlock | None = None  # an item's block, once it has text
    # The text so far, line by line, each line as its pieces (joined once, at the end, so a
    # paragraph of many inline elements is not copied again for each).
    lines: list[list[str]] = field(default_factory=lambda: [[]])
    terms: list[str] = field(default_factory=list)
    opened: list[tuple[int, int]] = field(default_factory=list)  # (line, piece) of open terms

    def text(self, line: int = 0, piece: int = 0) -> str:
        """The text from (line, piece) on, lines joined by spaces."""
        rest = ["".join(self.lines[line][piece:])]
        rest += ["".join(pieces) for pieces in self.lines[line + 1 :]]
        return " ".join(rest)


def read(text: str, where: str) -> list[RawBlock]:
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        page = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError):
        raise SourceError(f"{where} is not an HTML page we can read.") from None
    if any(entry.type_name == "ERR_RESOURCE_LIMIT" for entry in parser.error_log):
        # libxml2 stops reading there: refuse rather than make cards of part of the page.
        raise SourceError(f"{where} nests its markup too deep (over 256 levels) to be read.")
    reader = _Reader()
    content = _content(page)
    reader.walk(content)
    if not any(b.kind is RawKind.HEADING and b.level == 1 for b in reader.blocks):
        # The page's title may sit in a header outside its <main>.
        title = page.find(".//h1")
        if title is not None and title.text_content().strip() and content.tag != "body":
            reader.blocks.insert(0, raw.heading(" ".join(title.text_content().split()), 1))
    visible = sum(len(b.text) for b in reader.blocks)
    script = sum(len(el.text_content()) for el in page.iter(*_SCRIPT))
    if visible < _MOSTLY_SCRIPT_CHARS and script > 10 * visible:
        raise SourceError(f"{where} is mostly script, with no chapter text to read.")
    return reader.blocks


def _content(page: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The element that holds the chapter: <main>, a lone <article>, else <body>."""
    for path in (".//main", ".//*[@role='main']"):
        found = page.find(path)
        if found is not None:
            return found
    articles = page.findall(".//article")
    if len(articles) == 1:
        return articles[0]
    body = page.find("body")
    return body if body is not None else page


class _Reader:
    def __init__(self) -> None:
        self.blocks: list[RawBlock] = []
        self.stack: list[_Context] = [_Context("text")]
        self.lists: list[list] = []  # open lists: [ordered, next number]
        self.term = ""  # the last <dt>'s text, waiting for its <dd>

    def walk(self, root: lxml.html.HtmlElement) -> None:
        top = root
        walker = etree.iterwalk(root, events=("start", "end"))
        for event, element in walker:
            tag = element.tag if isinstance(element.tag, str) else ""
            if event == "start":
                if self._dropped(element, tag, top):
                    walker.skip_subtree()
                    if tag:
                        element.set("data-dropped", "1")
                    continue
                self._start(element, tag)
                self._add(element.text)
            else:
                if tag and element.get("data-dropped") is None:
                    self._end(tag)
                if element is not root:
                    self._add(element.tail)
        self._flush()

    @staticmethod
    def _dropped(element, tag: str, top) -> bool:
        if not tag or tag in _DROPPED:
            return True
        if tag in _PAGE_FURNITURE and top.tag == "body":
            return True
        if element.get("hidden") is not None or element.get("aria-hidden") == "true":
            return True
        return (element.get("role") or "").lower() in _FURNITURE_ROLES

    def _start(self, element, tag: str) -> None:
        ctx = self.stack[-1]
        if tag in ("ul", "ol", "menu"):
            self._flush()
            start = element.get("start", "1")
            self.lists.append([tag == "ol", int(start) if start.isdigit() else 1])
        elif tag == "li":
            self._flush()
            ordered, number = self.lists[-1] if self.lists else (False, 1)
            if self.lists:
                self.lists[-1][1] += 1
            depth = max(len(self.lists) - 1, 0)
            self.stack.append(_Context("item", number=number, ordered=ordered, depth=depth))
        elif tag in _HEADINGS:
            self._flush()
            self.stack.append(_Context("heading", level=_HEADINGS[tag]))
        elif tag == "dt":
            self._flush()
            self.stack.append(_Context("term"))
        elif tag == "dd":
            self._flush()
            meaning = _Context("meaning", depth=max(len(self.lists) - 1, 0) if self.lists else 0)
            if self.term:
                meaning.lines = [[self.term + ": "]]
                meaning.terms = [self.term]
            self.stack.append(meaning)
        elif tag == "br":
            ctx.lines.append([])
        elif tag in _TERMS:
            ctx.opened.append((len(ctx.lines) - 1, len(ctx.lines[-1])))
        elif tag in _BLOCKS:
            if ctx.kind == "text":
                self._flush()
                self.stack.append(_Context("text"))
            else:
                ctx.lines.append([])  # a paragraph inside an item or heading: a new line

    def _end(self, tag: str) -> None:
        ctx = self.stack[-1]
        if tag in ("ul", "ol", "menu"):
            self._flush()
            if self.lists:
                self.lists.pop()
        elif tag in ("li", "dt", "dd") or tag in _HEADINGS:
            self._flush()
            if len(self.stack) > 1:
                done = self.stack.pop()
                if done.kind == "term":
                    self.term = " ".join(done.text().split())
        elif tag in _TERMS and ctx.opened:
            marked = ctx.text(*ctx.opened.pop())
            if marked.strip():
                ctx.terms.append(marked)
        elif tag in _BLOCKS and ctx.kind == "text" and len(self.stack) > 1:
            self._flush()
            self.stack.pop()

    def _add(self, text: str | None) -> None:
        if text:
            self.stack[-1].lines[-1].append(text.replace("\n", " "))

    def _flush(self) -> None:
        """Emit what the innermost context holds so far."""
        ctx = self.stack[-1]
        if ctx.kind == "term":
            return  # a <dt> waits for its <dd>
        lines = [" ".join("".join(pieces).split()) for pieces in ctx.lines]
        lines = [line for line in lines if line]
        ctx.lines, ctx.opened = [[]], []
        terms, ctx.terms = ctx.terms, []
        if not lines:
            return
        if ctx.kind == "heading":
            self.blocks.append(raw.heading(" ".join(lines), ctx.level))
        elif ctx.kind == "meaning":
            self.blocks.append(raw.item(lines, number=None, ordered=False, terms=terms))
        elif ctx.kind == "item":
            if ctx.block is None:
                ctx.block = raw.item(
                    lines, number=ctx.number, ordered=ctx.ordered, depth=ctx.depth, terms=terms
                )
                self.blocks.append(ctx.block)
            else:
                ctx.block.lines.extend(lines)
                ctx.block.terms.extend(terms)
        else:
            self.blocks.append(raw.text(lines, terms))
