"""Structured JSON logs; every line carries the id of the request it belongs to."""

from __future__ import annotations

import contextvars
import logging
import sys
import traceback
from datetime import UTC, datetime
from typing import Any

import orjson

_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)

_STANDARD = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}

# Issue 13 F7: at DEBUG the database clients log every statement with its parameters (and
# aiosqlite each call with its arguments): one-time codes, webhook secrets, keyed token hashes,
# the database password of the pool's settings. These loggers never pass a record below INFO,
# whatever level the portal, a test or an operator sets. aiosmtpd's (`portal mailsink`) prints
# every line of every mail it receives at DEBUG, sign-in codes included.
DATABASE_LOGGERS = ("tortoise", "tortoise.db_client", "aiosqlite", "asyncpg", "mail.log")


class BelowInfoDropped(logging.Filter):
    """Drops DEBUG records on the logger it is attached to. A level alone is not enough:
    anyone may lower a logger's level again (`caplog.set_level(..., logger=...)`)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.INFO


_BELOW_INFO_DROPPED = BelowInfoDropped()


def guard_database_loggers() -> None:
    """Keep parameter dumps out of every log; idempotent."""
    for name in DATABASE_LOGGERS:
        logger = logging.getLogger(name)
        # A level set below INFO goes up to INFO. No level of its own (NOTSET) stays so: the
        # logger follows the root, and INFO would make it chattier than the root (aiosmtpd's
        # SMTP conversation at INFO under a WARNING root). The filter drops DEBUG either way.
        if logging.NOTSET < logger.level < logging.INFO:
            logger.setLevel(logging.INFO)
        if _BELOW_INFO_DROPPED not in logger.filters:
            logger.addFilter(_BELOW_INFO_DROPPED)


def log_line(logger: logging.Logger, message: str, args: tuple[Any, ...], **extra: Any) -> None:
    """One INFO line as ``logger.info(message, *args, extra=extra)`` gives, without the look-up
    of the calling file and line that neither format shows: the access log's per-request line
    (issue 17). Levels, filters and handlers apply as usual."""
    if logger.isEnabledFor(logging.INFO):
        logger.handle(
            logger.makeRecord(logger.name, logging.INFO, "", 0, message, args, None, extra=extra)
        )


def current_request_id() -> str | None:
    return _request_id.get()


def set_request_id(value: str | None) -> contextvars.Token[str | None]:
    return _request_id.set(value)


def reset_request_id(token: contextvars.Token[str | None]) -> None:
    _request_id.reset(token)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = current_request_id()
        if request_id:
            entry["request_id"] = request_id
        fields = vars(record)
        for key in fields.keys() - _STANDARD:
            entry[key] = fields[key]
        if record.exc_info and record.exc_info[0] is not None:
            entry["exception"] = "".join(traceback.format_exception(*record.exc_info))
        return orjson.dumps(entry, default=str).decode()


def configure_logging(level: str, json_lines: bool) -> None:
    # Neither format shows the thread or the process, and looking them up is a good part of
    # each record's cost (issue 17): the `logging` module's documented switches.
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False
    handler = logging.StreamHandler(sys.stderr)
    if json_lines:
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    guard_database_loggers()
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
    # The portal logs each request itself, with its id; uvicorn's access line would repeat it.
    logging.getLogger("uvicorn.access").disabled = True
