"""A note's HTML reduced to the plain text a card holds, and a cloze note's deletions.

Anki fields are HTML: line breaks are `<br>` or `<div>`s, characters may be entities, and
media appear as `<img>`, `<audio>` or `[sound:...]`. Cards here are plain text, so markup
goes (through the standard library's HTML parser), breaks become line breaks, entities
become characters and media references are dropped.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from leadership_cards.cards import CLOZE_BLANK

#: Tags that end a line of text.
_BREAKS = frozenset({"br", "div", "p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "hr"})
#: Tags whose content is not text.
_HIDDEN = frozenset({"script", "style", "head", "title"})
_SOUND = re.compile(r"\[sound:[^\]]*\]")
CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
_MARKED = re.compile("\ue000(\\d+)\ue001(.*?)(?:\ue002(.*?))?\ue003", re.DOTALL)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BREAKS and tag not in ("br", "hr"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The text a reader sees in `html`: lines kept, spaces collapsed, media left out."""
    if "<" not in html and "&" not in html and "[sound:" not in html:
        return " ".join(html.split())  # most fields are plain words: no parser needed
    parser = _Text()
    parser.feed(_SOUND.sub("", html))
    parser.close()
    lines = (
        " ".join(line.split()) for line in "".join(parser.parts).replace("\xa0", " ").split("\n")
    )
    return "\n".join(line for line in lines if line)


def cloze_text(html: str) -> str:
    """A cloze field's text, its live deletion markers kept (as private-use characters,
    so braces the author wrote, which Anki's HTML holds as entities, stay plain text)."""
    marked = CLOZE.sub(
        lambda m: (
            f"\ue000{m.group(1)}\ue001{m.group(2)}"
            + (f"\ue002{m.group(3)}" if m.group(3) is not None else "")
            + "\ue003"
        ),
        html,
    )
    return html_to_text(marked)


def cloze_numbers(text: str) -> list[int]:
    """The deletion numbers a `cloze_text` holds, in order (each once)."""
    return sorted({int(match.group(1)) for match in _MARKED.finditer(text)})


def cloze_card(text: str, number: int) -> tuple[str, str, str]:
    """The card for deletion `number` of a `cloze_text`: the cloze as stored here (that
    deletion as c1, the others shown), its question and its answer."""
    stored: list[str] = []
    question: list[str] = []
    answers: list[str] = []
    position = 0
    for match in _MARKED.finditer(text):
        before = text[position : match.start()]
        stored.append(before)
        question.append(before)
        answer, hint = match.group(2), match.group(3)
        if int(match.group(1)) == number:
            stored.append(f"{{{{c1::{answer}}}}}")
            question.append(f"[{hint}]" if hint else CLOZE_BLANK)
            answers.append(answer)
        else:
            stored.append(answer)
            question.append(answer)
        position = match.end()
    stored.append(text[position:])
    question.append(text[position:])
    return "".join(stored), "".join(question), ", ".join(dict.fromkeys(answers))
