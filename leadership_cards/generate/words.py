"""Word lists that both the blank rules and the question makers read."""

from __future__ import annotations

#: Tags of a finite verb: a clause of its own.
FINITE_TAGS = ("VBZ", "VBP", "VBD", "MD")

#: Verbs that report what someone says or found: the claim is what follows them.
REPORTING_VERBS = frozenset(
    [
        "see",
        "saw",
        "show",
        "showed",
        "suggest",
        "suggested",
        "argue",
        "argued",
        "find",
        "found",
        "say",
        "said",
        "report",
        "reported",
        "note",
        "noted",
        "claim",
        "claimed",
        "believe",
        "believed",
    ]
)
#: Words that point back to something said before: a subject they open names nothing alone.
POINTING_WORDS = frozenset(["this", "that", "these", "those", "such"])
#: Words that open a subject naming no one thing: "Each person", "Some members".
QUANTIFIERS = frozenset(
    ["each", "every", "some", "most", "many", "all", "any", "one", "few", "several", "no", "both"]
)

#: Units a number word measures in; "three points" or "one survey" counts nothing worth asking.
UNITS = frozenset(
    [
        "percent",
        "per",
        "cent",
        "seconds",
        "second",
        "minutes",
        "minute",
        "hours",
        "hour",
        "days",
        "day",
        "weeks",
        "week",
        "months",
        "month",
        "years",
        "year",
        "words",
        "word",
        "times",
        "people",
        "members",
        "speakers",
        "guests",
        "dollars",
    ]
)

DURATIONS = frozenset(
    ["seconds", "second", "minutes", "minute", "hours", "hour", "days", "day", "weeks", "week"]
    + ["months", "month", "years", "year"]
)
COPULAS = frozenset(["is", "are", "was", "were"])
#: Verbs whose complement says what something is like: asked "How does X look?".
LINKING_VERBS = frozenset(["look", "looks", "sound", "sounds", "seem", "seems", "feel", "feels"])
