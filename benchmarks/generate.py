"""How fast cards are generated: the shipped deck, and synthetic books of 250, 500 and 1,000
chapters built from the real chapters with varied words (so cards do not collapse into
duplicates). Throughput should hold steady as the book grows; a drop would mean quadratic work.

    python benchmarks/generate.py [--runs N] [--sizes 250,500,1000]
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from leadership_cards.deck_source import embedded_deck, embedded_deck_dir, load_manifest  # noqa: E402
from leadership_cards.generate import generate  # noqa: E402

_WORD = re.compile(r"\b[a-z]{5,}\b")
_VARIANTS = ("ful", "ive", "ness", "al", "ish", "ic", "ory", "ant")


def synthetic_book(folder: Path, chapters: int, seed: int = 1) -> int:
    """Write `chapters` chapter files and a deck.toml into `folder`; return the bytes written."""
    sources = sorted(embedded_deck_dir().glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    rng = random.Random(seed)
    manifest = ['name = "synthetic"', 'title = "Synthetic"']
    total = 0
    for n in range(chapters):
        text = texts[n % len(texts)]
        tag = "".join(rng.choice("bcdfgklmnprstvz") for _ in range(3))

        def vary(m: re.Match[str], tag: str = tag) -> str:
            return m.group() + tag + rng.choice(_VARIANTS) if rng.random() < 0.35 else m.group()

        body = _WORD.sub(vary, text)
        name = f"chapter-{n:04d}.txt"
        (folder / name).write_text(body, encoding="utf-8")
        total += len(body.encode("utf-8"))
        manifest += ["[[chapters]]", f'title = "Chapter {n + 1}"', f'files = ["{name}"]']
    (folder / "deck.toml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    return total


def median_seconds(run, runs: int) -> tuple[float, int]:
    times, count = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        count = len(run())
        times.append(time.perf_counter() - start)
    return statistics.median(times), count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    parser.add_argument("--sizes", default="250,500,1000", help="synthetic chapter counts")
    args = parser.parse_args()

    deck = embedded_deck()
    size = sum(f.stat().st_size for c in deck.chapters for f in c.files)
    seconds, count = median_seconds(lambda: generate(deck), args.runs)
    print(
        f"embedded deck: {count} cards from {size / 1000:.1f} kB in {seconds * 1000:.1f} ms "
        f"(median of {args.runs})"
    )
    for chapters in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            total = synthetic_book(folder, chapters)
            book = load_manifest(folder)
            seconds, count = median_seconds(lambda book=book: generate(book), args.runs)
        mb = total / 1_000_000
        print(
            f"{chapters:>5} chapters: {mb:6.2f} MB, {count:>6} cards, {seconds:6.2f} s, "
            f"{mb / seconds:5.2f} MB/s (median of {args.runs})"
        )


if __name__ == "__main__":
    main()
