"""What every export says about a card: its Anki deck name, its tags, its escaped text.

Card text is plain text, so every format that Anki reads as HTML gets it escaped: markup in
a card (`<script>`, `&`) arrives as the characters the author wrote. Braces are escaped too,
so a card can never smuggle a template or cloze marker into Anki; only the cloze markers the
card generator put there stay live.
"""

from __future__ import annotations

import functools
import hashlib
import html
import re

from leadership_cards.store import StoredCard

_CLOZE = re.compile(r"\{\{c(\d+)::(.+?)(?:::(.+?))?\}\}", re.DOTALL)


def escape(text: str) -> str:
    return html.escape(text, quote=False).replace("{", "&#123;").replace("}", "&#125;")


def cloze_html(cloze: str) -> str:
    """The cloze text escaped, with its `{{cN::answer::hint}}` markers kept live."""
    parts: list[str] = []
    position = 0
    for match in _CLOZE.finditer(cloze):
        parts.append(escape(cloze[position : match.start()]))
        number, answer, hint = match.groups()
        marker = f"{{{{c{number}::{escape(answer)}"
        if hint:
            marker += f"::{escape(hint)}"
        parts.append(marker + "}}")
        position = match.end()
    parts.append(escape(cloze[position:]))
    return "".join(parts)


def deck_part(text: str) -> str:
    """One level of an Anki deck name: "::" would start a new level, so it cannot appear,
    and the chapter's "Chapter 5: Title" reads "Chapter 5 - Title"."""
    text = text.replace("::", " - ").replace(": ", " - ")
    return " ".join(text.split()).strip(":") or "-"


@functools.lru_cache(maxsize=1024)
def anki_deck_name(title: str, chapter: str) -> str:
    """`Inner Leadership::Chapter 5 - Maintaining a Relationship Focus`."""
    return f"{deck_part(title)}::{deck_part(chapter)}"


@functools.lru_cache(maxsize=1024)
def anki_id(name: str, namespace: str = "deck") -> int:
    """A stable id in genanki's recommended range [2**30, 2**31), derived from a name, so
    the same deck always lands in the same Anki deck."""
    digest = hashlib.sha256(f"leadership-cards:{namespace}:{name}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)


@functools.lru_cache(maxsize=4096)
def tag(text: str) -> str:
    """An Anki tag: no spaces (Anki splits tags on them), lower case words joined by '-'."""
    words = re.findall(r"[\w&+.'-]+", text.casefold().replace(":", " "))
    return "-".join(words) or "-"


def tags_for(card: StoredCard) -> list[str]:
    """Deck, chapter and kind, then the card's own tags, each once."""
    found = [tag(card.deck), tag(card.chapter), tag(card.kind), *map(tag, card.all_tags)]
    return list(dict.fromkeys(found))


def source_text(card: StoredCard) -> str:
    return f"{card.source_file}, {card.source_position}"


def source_html(card: StoredCard) -> str:
    """The passage the card came from, then where to find it."""
    where = escape(source_text(card))
    if card.passage:
        return f"{escape(card.passage)}<br><small>{where}</small>"
    return f"<small>{where}</small>"
