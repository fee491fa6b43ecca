"""The one error type the core raises for bad input: its message is a single line for a user."""


class SidelightError(Exception):
    """A failure the user can act on. ``str(err)`` names the file and what to do."""

    def __init__(self, message: str) -> None:
        # Messages are shown as one line on stderr or in the status bar.
        super().__init__(" ".join(message.split()))

    @property
    def message(self) -> str:
        return str(self)


class DocumentError(SidelightError):
    """A document could not be opened (missing, binary, undecodable, ...)."""


class StoreError(SidelightError):
    """The annotation store could not be read or written; the file on disk is untouched."""


class ReadOnlyStoreError(StoreError):
    """The store was opened read-only (newer schema) and a change was attempted."""
