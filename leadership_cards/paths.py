"""Where the collection lives: --db, else LEADERSHIP_CARDS_DB, else the user data folder."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DB = "LEADERSHIP_CARDS_DB"


def default_db_path() -> Path:
    if env := os.environ.get(ENV_DB):
        return Path(env).expanduser()
    # platformdirs is only needed here, so it is not imported when --db is given
    from platformdirs import user_data_path

    return user_data_path("leadership-cards", appauthor=False) / "collection.db"
