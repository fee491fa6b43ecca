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


class EmptyInput(DocumentError):
    """Standard input held no text."""

    def __init__(self, command: str = "") -> None:
        # The example names the command that read the pipe: `sidelight entities -` is what a
        # user of `entities` retypes, not the reader's `sidelight -`.
        verb = f"sidelight {command} -" if command else "sidelight -"
        super().__init__("standard input: no text was read (empty, or only blank lines); pipe "
                         f"a document in, e.g. `cat article.txt | {verb}`")
        self.command = command


class StoreError(SidelightError):
    """The annotation store could not be read or written; the file on disk is untouched."""


class ReadOnlyStoreError(StoreError):
    """The store was opened read-only (newer schema) and a change was attempted."""


class EditConflict(StoreError):
    """A change made from an old view of an annotation was refused; nothing was written.

    ``kind`` is ``"deleted"`` (the annotation is gone), ``"changed"`` (another program changed
    a field this change touches, or the annotation this delete was based on) or ``"exists"``
    (an annotation with that id is back). ``current`` is the stored record, None if deleted.
    """

    def __init__(self, message: str, *, kind: str, id: str, current: object = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.id = id
        self.current = current
