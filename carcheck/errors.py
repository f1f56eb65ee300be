"""The error hierarchy; each error knows its exit code and says how to fix the problem."""

from __future__ import annotations


class CarcheckError(Exception):
    """Base of every error carcheck raises on purpose."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(CarcheckError):
    """The command line asks for something impossible: exit 2, one line on stderr."""

    exit_code = 2


class ReadError(CarcheckError):
    """One packet file cannot be read in full; it becomes an entry in `errors`.

    The message names the problem, never the file's contents (they are patient data).
    """


class Terminated(BaseException):
    """SIGTERM reached the main process: unwind (stopping the workers), then exit.

    A BaseException, like KeyboardInterrupt, so that no `except Exception` on the way
    mistakes it for a problem with the file being read.
    """
