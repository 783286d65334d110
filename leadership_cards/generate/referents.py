"""What a sentence points back to, named from its passage, so a card made of it stands alone.

"Pay, working conditions, company policy and supervision he called hygiene factors" leans on
the sentence before, which named Herzberg: on a card it reads "... supervision Herzberg called
hygiene factors". A person is named from the passage's citations ("(Herzberg, 1959)",
"Herzberg (1959)"), the one sure sign of who a chapter speaks of; a sentence whose "he" has no
such name before it gives no card."""

from __future__ import annotations

import re

_SURNAME = r"[A-Z][a-z][\w'’-]+"
#: One author cited, in parentheses or as the subject: "(Herzberg, 1959)", "Herzberg (1959)".
#: Two authors are never a "he" or a "she".
_CITED_PERSON = re.compile(
    rf"\((?P<cited>{_SURNAME}),\s*(?:1[89]|20)\d\d[a-z]?\)|\b(?P<named>{_SURNAME})\s+\((?:1[89]|20)\d\d[a-z]?\)"
)
_PERSON_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")


def person_before(passage: str, sentence: str) -> str | None:
    """The surname of the last person the passage cites before `sentence` (or in it, before
    its first pronoun), or None when it cites none."""
    at = passage.find(sentence)
    before = passage[:at] if at >= 0 else ""
    pronoun = _PERSON_PRONOUN.search(sentence)
    before += sentence[: pronoun.start()] if pronoun else sentence
    found = None
    for m in _CITED_PERSON.finditer(before):
        found = m.group("cited") or m.group("named")
    return found


def with_person_named(sentence: str, passage: str) -> str | None:
    """The sentence with its "he" or "she" replaced by the person the passage cites before
    it; the sentence as it is when it has no such pronoun, or already names that person
    before it ("Bridges saw ... a middle he called the neutral zone"); None when nobody is
    cited before it, and the card would lean on a sentence it does not show."""
    pronoun = _PERSON_PRONOUN.search(sentence)
    if pronoun is None:
        return sentence
    if _opens_on_a_person(sentence[: pronoun.start()]):
        return sentence  # "Bridges saw ... a middle he called the neutral zone"
    who = person_before(passage, sentence)
    if who is None:
        return None
    if re.search(rf"\b{re.escape(who)}\b", sentence[: pronoun.start()]):
        return sentence
    return _PERSON_PRONOUN.sub(who, sentence)


def _opens_on_a_person(clause: str) -> bool:
    """True when the clause's subject is a name and a verb follows it ("Bridges saw",
    "William Bridges described"): the "he" after it is that person."""
    from leadership_cards.generate.syntax import analyse  # the tagger loads only when asked

    analysis = analyse(clause)
    if analysis is None:
        return False
    tokens = analysis.tokens
    names = 0
    while names < len(tokens) and names < 3 and tokens[names].tag == "NNP":
        names += 1
    return 0 < names < len(tokens) and tokens[names].tag in ("VBD", "VBZ")
