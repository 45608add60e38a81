"""The one error the parser raises: the file is not an article, and why."""


class ParseError(Exception):
    """A file that cannot be imported. `reason` is one line a user can act on."""

    def __init__(self, reason: str, code: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code
