"""Counts said in words, singular or plural as English has it: "1 new card", "3 days"."""

from __future__ import annotations


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """`n` and the noun that agrees with it; `plural` for nouns that do not just take -s."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


def byte_size(size: int) -> str:
    """Bytes as people read them: 812 bytes, 41.9 MB."""
    if size < 1000:
        return counted(size, "byte")
    scaled = float(size)
    for unit in ("kB", "MB", "GB"):
        scaled /= 1000
        if scaled < 1000 or unit == "GB":
            break
    return f"{scaled:.1f} {unit}"
