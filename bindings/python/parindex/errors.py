"""The exceptions parindex raises. Every one names where the problem is and what was expected."""

from __future__ import annotations


class Error(Exception):
    """Base class of every parindex error.

    ``where`` names the place (file, JSON pointer, criterion code); ``detail`` says what is
    wrong; ``str(error)`` is both.
    """

    def __init__(self, message: str, where: str = "", detail: str = "") -> None:
        super().__init__(message)
        self.where = where
        self.detail = detail or message


class DocumentError(Error, ValueError):
    """Malformed JSON, a wrong type, an unknown key, an unsupported schema version."""


class ValidationError(Error, ValueError):
    """A well-formed document that breaks a rule: sums, duplicate codes, scores above max."""


class ArgumentError(Error, ValueError):
    """A call that cannot be honoured, such as ranking scorecards of different frameworks."""


class FileError(Error, OSError):
    """A file that cannot be read."""


__all__ = ["Error", "DocumentError", "ValidationError", "ArgumentError", "FileError"]
