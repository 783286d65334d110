"""The errors a user can cause. The CLI turns each into one line on stderr and exit status 1."""


class UserError(Exception):
    """An expected failure caused by input or environment, said in one plain sentence."""


class SourceError(UserError):
    """A chapter file or folder that cannot be made into cards."""


class StoreError(UserError):
    """A collection file that cannot be opened or changed safely."""


class NotFound(UserError):
    """An unknown deck, card or chapter."""


class SettingWarning(UserWarning):
    """A stored setting that cannot be used (written by hand or by an older version): the
    default is used instead, and the user is told once."""
