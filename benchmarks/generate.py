"""How fast cards are generated: the shipped deck, and synthetic books of 250, 500 and 1,000
chapters built from the real chapters with varied words (so cards do not collapse into
duplicates); one chapter file in each format (page text, Markdown, HTML, PDF), read and
generated at doubling sizes; and pathological text (abbreviation runs, prose saved as one
line, long enumerations, thousands of list items, deep nesting, a line with no sentence
break). Throughput should hold steady as the input grows; a drop would mean quadratic work.

    python benchmarks/generate.py [--runs N] [--sizes 250,500,1000] [--kb 100,200,400]
                                  [--only deck,formats,pathological]
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
from leadership_cards.generate import generate, generate_chapter  # noqa: E402
from leadership_cards.source import read_document  # noqa: E402

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


def forget_sentences() -> None:
    """Empty the project's bounded caches (per sentence, per word, per string), so every run
    is timed as a member's `add` meets a chapter: cold. (The tagger's lexicon and its context
    rules, compiled once a process in a few milliseconds, stay.) Without this the repeated
    runs of a small chapter hit the caches of the first and look faster than a chapter too
    big for them."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("leadership_cards"):
            continue
        for value in list(vars(module).values()):
            info = getattr(value, "cache_info", None)
            if info is not None and info().maxsize is not None:
                value.cache_clear()


def median_seconds(run, runs: int) -> tuple[float, int]:
    wall, _, count = cpu_seconds(run, runs)
    return wall, count


def cpu_seconds(run, runs: int) -> tuple[float, float, int]:
    """Median wall and CPU seconds of the same cold runs: on a machine shared with other
    work, the CPU time is what the generator itself costs."""
    walls, cpus, count = [], [], 0
    for _ in range(runs):
        forget_sentences()
        wall, cpu = time.perf_counter(), time.process_time()
        count = len(run())
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return statistics.median(walls), statistics.median(cpus), count


def chapter_blocks(kb: int, seed: int = 1) -> list[tuple[str, object]]:
    """About `kb` kilobytes of chapter: the shipped chapters' paragraphs with varied words,
    under headings, with a numbered key-point list and a bulleted list every few paragraphs."""
    rng = random.Random(seed)
    paragraphs = [
        p
        for path in sorted(embedded_deck_dir().glob("*.txt"))
        for p in path.read_text(encoding="utf-8").split("\n\n")
        if len(p) > 300 and "\n" not in p.strip() and not p.lstrip()[:1].isdigit()
    ]
    blocks: list[tuple[str, object]] = [("title", "A Synthetic Chapter")]
    size = 0
    n = 0
    while size < kb * 1000:
        n += 1
        tag = "".join(rng.choice("bcdfgklmnprstvz") for _ in range(3))
        text = _WORD.sub(
            lambda m, tag=tag: m.group() + tag if rng.random() < 0.35 else m.group(),
            paragraphs[n % len(paragraphs)],
        )
        if n % 6 == 1:
            blocks.append(("h", f"Section {n // 6 + 1} Findings"))
        blocks.append(("p", text))
        size += len(text)
        if n % 6 == 3:
            items = [s.strip() for s in text.split(". ")[:4] if len(s.split()) > 5]
            blocks.append(("h", "Key Points"))
            blocks.append(("ol", [i.rstrip(".") + "." for i in items]))
            blocks.append(("ul", [f"Point {tag} {k} matters to leaders." for k in range(3)]))
            size += sum(len(i) for i in items) + 90
    return blocks


def format_figures(kbs: list[int], runs: int) -> None:
    """Read and generate one chapter file per format at doubling sizes."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from test_readers import as_html, as_markdown, as_pdf, as_text

    writers = {
        "page text": lambda p, b: (p.with_suffix(".txt").write_text(as_text(b)), p)[1],
        "Markdown": lambda p, b: (p.with_suffix(".md").write_text(as_markdown(b)), p)[1],
        "HTML": lambda p, b: (p.with_suffix(".html").write_text(as_html(b)), p)[1],
        "PDF": lambda p, b: as_pdf(p.with_suffix(".pdf"), b),
    }
    suffix = {"page text": ".txt", "Markdown": ".md", "HTML": ".html", "PDF": ".pdf"}
    rates: dict[str, list[float]] = {}
    for form, write in writers.items():
        for kb in kbs:
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "chapter"
                write(path, chapter_blocks(kb))
                path = path.with_suffix(suffix[form])
                text_kb = sum(len(b.text) for b in read_document(path).paragraphs) / 1000
                wall, cpu, count = cpu_seconds(
                    lambda path=path: generate_chapter(read_document(path)), runs
                )
                file_kb = path.stat().st_size / 1000
            print(
                f"{form:>9} {kb:>4} kB of text ({file_kb:4.0f} kB file, {text_kb:3.0f} kB of "
                f"paragraphs read back): {count:>4} cards, {wall:5.2f} s, CPU {cpu:5.2f} s, "
                f"{kb / cpu:5.0f} kB/s of CPU"
            )
            rates.setdefault(form, []).append(kb / cpu)
    # The figure per format: its slowest size, and the largest size's rate over the
    # smallest's (near 1 when the work is linear in the text).
    for form, found in rates.items():
        print(
            f"{form:>9}: at least {min(found):4.0f} kB/s of CPU; {found[-1] / found[0]:4.2f} "
            f"of the {kbs[0]} kB rate at {kbs[-1]} kB"
        )


def _one_line(kb: int) -> str:
    text = " ".join(
        p.read_text(encoding="utf-8") for p in sorted(embedded_deck_dir().glob("*.txt"))
    )
    text = " ".join(text.split())
    return "A Chapter Title\n\n" + (text * (kb * 1000 // len(text) + 1))[: kb * 1000] + "."


PATHOLOGICAL = {
    "abbreviation runs": lambda kb: (
        "Citations\n\n"
        + ("Leaders cite e.g. Dr. Smith vs. Mr. Jones etc. and i.e. St. Paul " * (kb * 16))[
            : kb * 1000
        ]
    ),
    "one-line prose": _one_line,
    "long enumerations": lambda kb: (
        "Six points of leadership can be identified. "
        + (
            "First, leaders listen. Second, leaders serve. Third, leaders decide. "
            "Fourth, leaders teach. "
        )
        * (kb * 11)
    ),
    "thousands of list items": lambda kb: (
        "Key Points\n\n"
        + "".join(
            f"- Leaders keep promise {i} to the work community, not to rank.\n"
            for i in range(kb * 16)
        )
    ),
    "deep nesting (Markdown)": lambda kb: (
        "# Deep\n\n"
        + "".join("  " * (i % 400) + f"- item {i} of a nested list\n" for i in range(kb * 25))
    ),
    "deep nesting (HTML)": lambda kb: (
        "<html><body><h1>Deep</h1>"
        + (
            "<div><ul><li>Leaders serve the work community, not their rank." * 80
            + "</li></ul></div>" * 80
        )
        * (kb * 10 // 45)
        + "</body></html>"
    ),
    "no sentence break": lambda kb: "Words\n\n" + "leaders serve their work community " * (kb * 29),
}


def pathological_figures(kbs: list[int], runs: int) -> None:
    for name, make in PATHOLOGICAL.items():
        for kb in kbs:
            with tempfile.TemporaryDirectory() as tmp:
                suffix = ".md" if "Markdown" in name else ".html" if "HTML" in name else ".txt"
                path = Path(tmp) / f"chapter{suffix}"
                path.write_text(make(kb), encoding="utf-8")
                size = path.stat().st_size / 1000
                wall, cpu, count = cpu_seconds(lambda path=path: _cards_or_none(path), runs)
            print(
                f"{name:>24} {size:5.0f} kB: {count:>4} cards, {wall:5.2f} s, CPU {cpu:5.2f} s, "
                f"{size / cpu:5.0f} kB/s of CPU"
            )


def _cards_or_none(path: Path) -> list:
    from leadership_cards.errors import SourceError

    try:
        return generate_chapter(read_document(path))
    except SourceError:
        return []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    parser.add_argument("--sizes", default="250,500,1000", help="synthetic chapter counts")
    parser.add_argument("--kb", default="100,200,400", help="single-file sizes in kB")
    parser.add_argument("--only", default="deck,formats,pathological", help="which figures")
    args = parser.parse_args()
    only = set(args.only.split(","))
    kbs = [int(k) for k in args.kb.split(",")]
    load_tagger()

    if "deck" in only:
        deck_figures(args)
    if "formats" in only:
        format_figures(kbs, args.runs)
    if "pathological" in only:
        pathological_figures(kbs, args.runs)


def load_tagger() -> None:
    """Load what a process loads once (the tagger's lexicon and rules, the inflection
    engine, lazily imported modules) before any figure, and say what it costs: it is no part
    of a chapter's throughput, and it would land on the first run measured."""
    start = time.process_time()
    generate_chapter(read_document(sorted(embedded_deck_dir().glob("*.txt"))[0]))
    forget_sentences()
    print(f"a first chapter, with one-time loading: {time.process_time() - start:.2f} s of CPU")


def deck_figures(args: argparse.Namespace) -> None:
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
