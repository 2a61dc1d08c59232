"""Every error newsmodel raises, in one tree.

    NewsmodelError                 catch-all for this library
    ├── InvalidError (ValueError)  input or model broke a rule; carries one or more Problems
    │   ├── ValidationError        a model invariant (dangling reference, heading level, naive datetime, ...)
    │   └── DecodeError            input that is not a well-formed document of its format
    ├── UnknownFormatError (LookupError)
    ├── OptionError (ValueError)   a reader or writer option that does not exist or has a bad value
    ├── PluginError                a plugin failed to load, or registered something malformed
    │   └── FormatConflictError    two plugins claim one format name
    └── ExportError                a report a format cannot carry

Errors name *where*: a `Problem` has a JSON-style path into the report (`$.body[3].content[0]`) or, for
syntax, a line and column, plus the source it came from. Many problems found in one pass travel together
in one error, so a user fixes them all at once instead of one per run.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import final

__all__ = [
    "DecodeError",
    "ExportError",
    "FormatConflictError",
    "InvalidError",
    "NewsmodelError",
    "OptionError",
    "PluginError",
    "Problem",
    "UnknownFormatError",
    "ValidationError",
]


class NewsmodelError(Exception):
    """Base of every newsmodel error: ``except newsmodel.errors.NewsmodelError``."""


@final
class Problem:
    """One thing wrong, and where: a path into the report, or a line and column of the input."""

    __slots__ = ("column", "line", "message", "path")

    def __init__(
        self, message: str, *, path: str | None = None, line: int | None = None, column: int | None = None
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def where(self) -> str:
        """The location as a reader writes it: ``$.body[2]`` or ``line 3, column 14``."""
        parts = []
        if self.line is not None:
            parts.append(f"line {self.line}, column {self.column}")
        if self.path:
            parts.append(self.path)
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.where()
        return f"{self.message} @ {where}" if where else self.message

    def __repr__(self) -> str:
        return f"Problem({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return (self.message, self.path, self.line, self.column) == (
            other.message,
            other.path,
            other.line,
            other.column,
        )

    def __hash__(self) -> int:
        return hash((self.message, self.path, self.line, self.column))


class InvalidError(NewsmodelError, ValueError):
    """Input or a model broke a rule: ``except newsmodel.errors.InvalidError as e: e.problems``.

    ``str(e)`` is the source (if known), the first problem, and how many more there are, on one line;
    ``e.problems`` holds them all.
    """

    def __init__(self, problems: Iterable[Problem] | str, *, source: str | None = None) -> None:
        probs = (Problem(problems),) if isinstance(problems, str) else tuple(problems)
        if not probs:
            raise TypeError("an InvalidError needs at least one Problem")
        self.problems: tuple[Problem, ...] = probs
        self.source = source
        super().__init__(self._line())

    def _line(self) -> str:
        head = f"{self.source}: " if self.source else ""
        more = len(self.problems) - 1
        tail = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        return f"{head}{self.problems[0]}{tail}"

    def with_source(self, source: str) -> InvalidError:
        """The same error, naming the file or stream it came from."""
        return type(self)(self.problems, source=source)

    def __str__(self) -> str:
        return self._line()

    def details(self) -> str:
        """Every problem, one per line, for a reader who wants them all."""
        head = f"{self.source}:\n" if self.source else ""
        return head + "\n".join(f"  {p}" for p in self.problems)


@final
class ValidationError(InvalidError):
    """A model invariant is broken: ``except newsmodel.errors.ValidationError``.

    Raised when building a node in code and when a document decodes to a report that would break a
    rule (a byline naming a person the report never declares, two blocks with one id, ...).
    """


@final
class DecodeError(InvalidError):
    """The input is not a well-formed document of its format: ``except newsmodel.errors.DecodeError``.

    Syntax problems carry line and column; shape problems (wrong type, unknown tag, extra key) carry
    the `$.path` of the value.
    """


@final
class UnknownFormatError(NewsmodelError, LookupError):
    """No installed plugin provides the format asked for: ``except newsmodel.errors.UnknownFormatError``."""

    def __init__(self, name: str | None, known: Iterable[str], *, role: str = "format") -> None:
        self.name = name
        self.known = tuple(sorted(known))
        listed = ", ".join(self.known) or "none"
        if name is None:
            super().__init__(f"could not tell the {role} (available: {listed}); name it")
        else:
            super().__init__(f"unknown {role} {name!r} (available: {listed})")


class OptionError(NewsmodelError, ValueError):
    """A reader or writer option is unknown or has a bad value: ``except newsmodel.errors.OptionError``.

    Plugins raise it for their own options; the command line reports it as a usage error (exit 2).
    """

    def __init__(self, message: str, *, option: str | None = None) -> None:
        self.option = option
        super().__init__(message)


class PluginError(NewsmodelError):
    """A plugin could not be loaded, or registered something malformed.

    ``except PluginError as e: e.plugin`` names the plugin.
    """

    def __init__(self, message: str, *, plugin: str | None = None) -> None:
        self.plugin = plugin
        super().__init__(message)


@final
class FormatConflictError(PluginError):
    """Two plugins claim one format name, and no preference says which wins.

    ``e.name`` is the format, ``e.plugins`` the two claimants; set ``NEWSMODEL_PREFER`` (or pass
    ``prefer=``) to choose.
    """

    def __init__(self, name: str, plugins: tuple[str, str], *, role: str = "format") -> None:
        self.name = name
        self.plugins = plugins
        first, second = plugins
        super().__init__(
            f"{role} {name!r} is provided by both {first!r} and {second!r}; "
            f"choose one with NEWSMODEL_PREFER={name}={first} (or prefer={{{name!r}: {first!r}}})",
            plugin=second,
        )


@final
class ExportError(NewsmodelError):
    """A format cannot carry something in the report: ``except newsmodel.errors.ExportError``."""


for _cls in (
    NewsmodelError,
    InvalidError,
    ValidationError,
    DecodeError,
    UnknownFormatError,
    OptionError,
    PluginError,
    FormatConflictError,
    ExportError,
    Problem,
):
    _cls.__module__ = "newsmodel.errors"
