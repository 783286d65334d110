"""The installed tool carries its decks: run from outside the source tree, it still finds the
Inner Leadership chapters (they ship inside the wheel)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

ENTRY = Path(sys.executable).with_name("leadership-cards")


def installed_editable() -> bool:
    text = metadata.distribution("leadership-cards").read_text("direct_url.json")
    return bool(text) and json.loads(text).get("dir_info", {}).get("editable", False)


def test_the_wheel_holds_the_decks() -> None:
    if installed_editable():
        pytest.skip("an editable install reads the decks from the source tree")
    files = {str(f) for f in metadata.distribution("leadership-cards").files or []}
    assert "leadership_cards/decks/inner-leadership/deck.toml" in files
    shipped = Path(__file__).resolve().parents[1] / "decks" / "inner-leadership"
    for source in shipped.iterdir():
        assert f"leadership_cards/decks/inner-leadership/{source.name}" in files


def test_the_installed_command_works_outside_the_source_tree(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(ENTRY), "decks", "--json"],
        cwd=tmp_path,  # not the repository: the installed package must stand on its own
        # First use on a fresh machine: the collection is made in the user data folder.
        env={"PATH": os.environ["PATH"], "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    (deck,) = json.loads(result.stdout)
    assert deck["name"] == "inner-leadership" and deck["cards"] > 50
    version = subprocess.run([str(ENTRY), "--version"], capture_output=True, text=True)
    assert version.stdout.strip() == "leadership-cards, version 0.1.0"
