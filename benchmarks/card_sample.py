"""Draw a seeded sample of cards to judge by the five questions of a card rubric: N cards of the
embedded deck and M of the chapters given on the command line (discussion prompts left out),
printed as Markdown with each card's source file and position, so a reader can check every
card against its passage.

    python benchmarks/card_sample.py --seed 1125 --deck-dir decks/inner-leadership \
        tests/corpus/*.txt tests/corpus/*.md tests/corpus/*.html tests/corpus/*.pdf
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path


def cli(db: Path, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "leadership_cards", *args, "--db", str(db)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    if done.returncode != 0:
        print(f"# {' '.join(args)}: {done.stderr.strip()}", file=sys.stderr)
    return done.stdout


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("chapters", nargs="*", type=Path)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--embedded", type=int, default=40)
    parser.add_argument("--others", type=int, default=20)
    parser.add_argument("--deck-dir", type=Path, default=Path("decks/inner-leadership"))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "c.db"
        others = []
        for i, chapter in enumerate(args.chapters):
            cli(db, "add", str(chapter), "--deck", f"other-{i}")
        embedded = json.loads(cli(db, "cards", "--json", "--deck", "inner-leadership"))
        for i, chapter in enumerate(args.chapters):
            for card in json.loads(cli(db, "cards", "--json", "--deck", f"other-{i}")):
                card["source"]["file"] = str(chapter.resolve())
                others.append(card)
    for card in embedded:
        card["source"]["file"] = str((args.deck_dir / Path(card["source"]["file"]).name).resolve())
    pool_a = [c for c in embedded if c["kind"] != "discussion"]
    pool_b = [c for c in others if c["kind"] != "discussion"]
    a = rng.sample(pool_a, min(args.embedded, len(pool_a)))
    b = rng.sample(pool_b, min(args.others, len(pool_b)))
    print(f"<!-- seed {args.seed}; embedded pool {len(pool_a)}, others pool {len(pool_b)} -->")
    for label, sample in (("A", a), ("B", b)):
        print(f"\n## Sample {label}\n")
        for n, card in enumerate(sample, 1):
            print(f"### {label}{n}")
            print(f"- front: {card['front']}")
            print(f"- back: {card['back']}")
            print(f"- chapter: {card['chapter']}")
            print(f"- source: {card['source']['file']} ({card['source']['position']})\n")


if __name__ == "__main__":
    main()
