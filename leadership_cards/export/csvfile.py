"""Anki's text-import format: a CSV whose header lines tell Anki how to read it.

It uses Anki's stock note types ("Basic": Front, Back; "Cloze": Text, Back Extra), which every
collection has, so the file imports without the .apkg's own note types; the source passage
goes under the answer. GUIDs are the .apkg's, so importing either file again updates notes.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO

from leadership_cards.cards import UNSCHEDULED_KINDS
from leadership_cards.export.apkg import note_guid
from leadership_cards.export.fields import (
    anki_deck_name,
    cloze_html,
    escape,
    source_html,
    tags_for,
)
from leadership_cards.store import StoredCard

SEPARATORS = {"tab": ("\t", "tab"), "comma": (",", "comma")}
COLUMNS = ("Notetype", "Deck", "GUID", "Front", "Back", "Tags")


def write_csv(
    cards: Iterable[StoredCard],
    titles: dict[str, str],
    out: IO[str],
    *,
    separator: str = "tab",
    discussion: bool = True,
) -> int:
    """Write the cards as Anki text-import rows; returns how many."""
    delimiter, name = SEPARATORS[separator]
    out.write(f"#separator:{name}\n#html:true\n")
    out.write("#notetype column:1\n#deck column:2\n#guid column:3\n#tags column:6\n")
    out.write("#columns:" + delimiter.join(COLUMNS) + "\n")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    written = 0
    for card in cards:
        if card.kind in UNSCHEDULED_KINDS and not discussion:
            continue
        writer.writerow(row(card, titles.get(card.deck, card.deck)))
        written += 1
    return written


def row(card: StoredCard, title: str) -> list[str]:
    if card.cloze and card.kind not in UNSCHEDULED_KINDS:
        notetype, front, back = "Cloze", cloze_html(card.cloze), source_html(card)
    elif card.kind in UNSCHEDULED_KINDS:
        notetype, front, back = "Basic", escape(card.front), escape(card.chapter)
    else:
        answer = f"{escape(card.back)}<br><br>{source_html(card)}"
        notetype, front, back = "Basic", escape(card.front), answer
    deck = anki_deck_name(title, card.chapter)
    return [notetype, deck, note_guid(card.id), front, back, " ".join(tags_for(card))]
