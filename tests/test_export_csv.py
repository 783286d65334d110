"""The CSV export in Anki's text-import format, read back by Anki's own CSV import."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from anki.collection import Collection, ImportCsvRequest
from click.testing import CliRunner
from genanki import guid_for

from conftest import NOW
from leadership_cards.cli import cli
from leadership_cards.export import ExportOptions, export
from leadership_cards.store import Store


def import_csv(tmp_path: Path, csv_path: Path) -> Collection:
    folder = tmp_path / "anki"
    folder.mkdir()
    col = Collection(str(folder / "collection.anki2"))
    metadata = col.get_csv_metadata(str(csv_path), None)
    col.import_csv(ImportCsvRequest(path=str(csv_path), metadata=metadata))
    return col


@pytest.mark.parametrize("separator", ["tab", "comma"])
def test_anki_reads_the_csv_into_the_same_notes(db_path, tmp_path, separator):
    target = tmp_path / "cards.csv"
    with Store.open(db_path) as store:
        export(store, "csv", target, ExportOptions(separator=separator), NOW)
        cards = {guid_for(card.id): card for card in store.cards()}
    assert target.read_text().startswith(f"#separator:{separator}\n#html:true\n")
    col = import_csv(tmp_path, target)
    try:
        notes = [col.get_note(n) for n in col.find_notes("deck:*")]
        assert len(notes) == len(cards)
        for note in notes:
            card = cards[note.guid]
            kind = col.models.get(note.mid)["name"]
            assert kind == ("Cloze" if card.cloze else "Basic")
            first = note.fields[0]
            if card.cloze:
                assert first == card.cloze.replace("&", "&amp;")
            else:
                assert first == card.front.replace("&", "&amp;").replace("<", "&lt;").replace(
                    ">", "&gt;"
                )
            assert card.kind in note.tags and "sample" in note.tags
            deck = col.decks.name(note.cards()[0].did)
            assert deck == "Sample::" + card.chapter.replace(": ", " - ")
        for card_id in col.find_cards("deck:*"):
            rendered = col.get_card(card_id)
            for side in (rendered.question(), rendered.answer()):
                assert re.sub(r"<[^>]+>", "", side).strip() and "{{" not in side
    finally:
        col.close()


def test_csv_goes_to_standard_output_with_dash(db_path, tmp_path):
    runner = CliRunner()
    to_stdout = runner.invoke(cli, ["export", "csv", "--db", str(db_path), "-o", "-"])
    assert to_stdout.exit_code == 0, to_stdout.output
    target = tmp_path / "x.csv"
    to_file = runner.invoke(cli, ["export", "csv", "--db", str(db_path), "-o", str(target)])
    assert to_file.stdout == f"Wrote 14 notes to {target}.\n"
    assert to_stdout.stdout == target.read_text()


def test_discussion_prompts_can_be_left_out_of_the_csv(db_path, tmp_path):
    target = tmp_path / "cards.csv"
    with Store.open(db_path) as store:
        result = export(store, "csv", target, ExportOptions(discussion=False), NOW)
    assert result.written == 12
    assert "discussion" not in target.read_text()
