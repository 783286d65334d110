"""The small terminal interface the interactive loops are written against.

`review`, `quiz` and `topics` only write text and read single keys (or a line), so the same
loop runs in a real terminal here and in a pseudo-terminal under test.
"""

from __future__ import annotations

import os
import re
import select
import sys
import termios
import tty
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol, TextIO

from leadership_cards.errors import UserError

ESC = "\x1b"
CTRL_C = "\x03"
CTRL_D = "\x04"


#: Escape sequences whole (CSI, OSC such as a window title or the clipboard's OSC 52, DCS and
#: the other string commands, two-character escapes), then any other C0 or C1 control
#: character but newline and tab.
_CONTROL = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
)
#: Select Graphic Rendition: colour and weight, the one kind of sequence we write ourselves.
_STYLE = re.compile(r"\x1b\[[0-9;]*m")


def printable(text: str, keep_style: bool = False) -> str:
    """`text` with every terminal control sequence and control character taken out, so text
    from a chapter, an import or an edit can never clear the screen, set the window title
    or write the clipboard. `keep_style` lets colour codes through (only those)."""
    if not keep_style:
        return _CONTROL.sub("", text)
    kept = _STYLE.split(text)
    styles = _STYLE.findall(text)
    out = [_CONTROL.sub("", kept[0])]
    for code, part in zip(styles, kept[1:], strict=True):
        out += [code, _CONTROL.sub("", part)]
    return "".join(out)


class Terminal(Protocol):
    color: bool

    def write(self, text: str) -> None: ...

    def key(self, timeout: float | None = None) -> str | None:
        """The next key pressed; None if `timeout` seconds pass first."""

    def line(self, prompt: str) -> str:
        """A line typed and ended with Enter (for typed answers)."""

    def clear(self) -> None: ...


def wants_color(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    return stream.isatty()


class RealTerminal:
    """The process's own terminal, in cbreak mode while a loop runs."""

    def __init__(self, stdin: TextIO, stdout: TextIO) -> None:
        self._in = stdin
        self._out = stdout
        self._fd = stdin.fileno()
        self._pending = ""
        self.color = wants_color(stdout)

    def write(self, text: str) -> None:
        # Everything shown passes here, so no text can reach the terminal unfiltered; colour
        # codes (they change how text looks, never the screen or the clipboard) only when
        # colour is on.
        self._out.write(printable(text, keep_style=self.color))
        self._out.flush()

    def key(self, timeout: float | None = None) -> str | None:
        # Keys that arrive together (a pasted answer, fast typing) are handed out one at a
        # time rather than dropped; an escape sequence stays whole.
        if not self._pending:
            if timeout is not None:
                ready, _, _ = select.select([self._fd], [], [], max(0.0, timeout))
                if not ready:
                    return None
            data = os.read(self._fd, 256)
            if not data:
                return CTRL_D
            self._pending = data.decode("utf-8", errors="replace")
        if self._pending.startswith(ESC):
            key, self._pending = self._pending, ""
        else:
            key, self._pending = self._pending[0], self._pending[1:]
        return key

    def line(self, prompt: str) -> str:
        self.write(prompt)
        chars: list[str] = []
        while True:
            key = self.key()
            if key in ("\r", "\n"):
                self.write("\n")
                return "".join(chars)
            if key in (CTRL_C, CTRL_D):
                raise KeyboardInterrupt
            if key in ("\x7f", "\b"):
                if chars:
                    chars.pop()
                    self.write("\b \b")
            elif key and key.isprintable() and not key.startswith(ESC):
                chars.append(key)
                self.write(key)

    def clear(self) -> None:
        if self.color:
            self._out.write("\x1b[2J\x1b[H")
            self._out.flush()
        else:
            self.write("\n")


@contextmanager
def interactive(name: str) -> Iterator[RealTerminal]:
    """The terminal in cbreak mode (keys arrive one at a time, unechoed); restored after.

    Refuses with one line when stdin or stdout is not a terminal, since every prompt would
    go unanswered.
    """
    stdin, stdout = sys.stdin, sys.stdout
    if not (stdin.isatty() and stdout.isatty()):
        raise UserError(f"{name} needs an interactive terminal (stdin and stdout are not a TTY)")
    fd = stdin.fileno()
    saved = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd)
        # Keep Ctrl-C as a key rather than a signal, so a loop can quit cleanly.
        attrs = termios.tcgetattr(fd)
        attrs[3] &= ~termios.ISIG
        termios.tcsetattr(fd, termios.TCSADRAIN, attrs)
        yield RealTerminal(stdin, stdout)
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


def wrap(text: str) -> str:
    """Text folded at word boundaries to the terminal's width (a question that runs over
    several lines should not break inside its words)."""
    import textwrap

    width = _text_width()
    return "\n".join(textwrap.fill(line, width) for line in text.splitlines() or [""])


def wrap_groups(groups: list[tuple[str, str]], gap: int = 2) -> str:
    """Groups laid out in lines that fit the terminal, never split inside a group, so a key
    stays beside its label ("[b] bury") on a narrow screen. Each group is (plain text, text
    to print): the plain text measures it, the other may carry colour."""
    width, lines, line, used = _text_width(), [], [], 0
    for plain, shown in groups:
        needed = len(plain) + (gap if line else 0)
        if line and used + needed > width:
            lines.append((" " * gap).join(line))
            line, used, needed = [], 0, len(plain)
        line.append(shown)
        used += needed
    lines.append((" " * gap).join(line))
    return "\n".join(lines)


def _text_width() -> int:
    import shutil

    return max(12, min(shutil.get_terminal_size().columns, 100) - 2)


def style(term: Terminal, text: str, **options: object) -> str:
    """`click.style` when the terminal shows colour, the plain text otherwise."""
    if not term.color:
        return text
    import click

    return click.style(printable(text), **options)  # type: ignore[arg-type]
