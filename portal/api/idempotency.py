"""Idempotent writes (issue 18, 5): every mutation takes `idempotencyKey`; a repeat answers first.

One rule, applied to every field of `Mutation` when the schema is built (`make_idempotent`):
the field extension `Idempotent` adds the argument `idempotencyKey: String` and, when a key is
given, looks up (owner, key):

- nothing stored (or only an expired answer): the resolver runs inside one transaction that also
  stores its answer, so a crash leaves both or neither; a concurrent request with the same key
  waits on the key's row and then replays this answer (one change). Except for mutations
  marked `outbound` (they wait on another system: a webhook receiver, S3 storage): those
  run outside any transaction of this rule, and their answer is stored after, in its own short
  transaction, so no write lock (SQLite) or connection (PostgreSQL) is held while the other
  system answers. A crash between their work and the store leaves no answer, and a retry runs
  again; a concurrent repeat runs too, and the first answer stored is the one replayed later;
- stored, same operation and same request fingerprint: the first answer is rebuilt and returned
  (userErrors verbatim; objects by their global ids, read as they stand now and shown only if
  the caller may still see them); the resolver does not run;
- stored, another operation or another request: `IDEMPOTENCY_KEY_REUSED`, nothing runs.

The owner is the actor; without one (signing in, refreshing, signing up) it is the request
itself ("anonymous:" + fingerprint), so an anonymous repeat matches only the same request and
a different request with the same key is simply another request. Answers are kept
`ANSWER_WINDOW` (anonymous ones `ANONYMOUS_WINDOW`) and purged by the outbox worker
(`purge_answers`). Fingerprints are HMAC-SHA256 under the installation's secret key, so a
stored fingerprint reveals nothing of a password or token in the request.

Secrets are never stored. A payload field named in `SECRET_FIELDS` keeps only whether it was
set; a replay leaves it null and adds a `SECRET_NOT_REPEATED` userError on it (rotate the
secret if the first answer was lost). Payload types that can issue a fresh secret instead
register an `AnswerForm` (sessions: a replay within the refresh reuse grace of the first answer
rotates the session it opened and hands out a fresh token pair; later, `SECRET_NOT_REPEATED` and
nothing rotated, see portal.api.auth.mutations).

A resolver that raises (an authentication error, a fault) stores nothing; a retry runs again.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

import orjson
import strawberry
from starlette.datastructures import UploadFile
from strawberry.annotation import StrawberryAnnotation
from strawberry.extensions import FieldExtension
from strawberry.types.arguments import StrawberryArgument
from strawberry.types.field import StrawberryField
from tortoise import fields
from tortoise.exceptions import IntegrityError
from tortoise.models import Model
from tortoise.transactions import in_transaction

from portal.auth.tokens import keyed_hash
from portal.ids import parse_global_id

if TYPE_CHECKING:
    from portal.api.context import Info
    from portal.settings import Settings

MAX_KEY_LENGTH = 200
# How long an answer is replayed: a day for an actor's keys, an hour for anonymous ones (their
# owner is the request itself, and what they answer is a sign-in).
ANSWER_WINDOW = timedelta(hours=24)
ANONYMOUS_WINDOW = timedelta(hours=1)
# The argument's Python name (`idempotencyKey` in the schema).
KEY = "idempotency_key"
KEY_DESCRIPTION = (
    f"A retry key of 1 to {MAX_KEY_LENGTH} characters: a repeat with the same key returns the "
    'first answer instead of acting again (integrator guide, "Retrying safely").'
)
# Payload fields that carry a secret shown once: never stored, never replayed.
SECRET_FIELDS = frozenset(
    {
        "access_token",
        "refresh_token",
        "secret",
        "client_secret",
        "inbound_secret",
        "outbound_secret",
        "feed_url",  # a calendar feed's secret URL (issue 20)
    }
)


# The marker `outbound` sets on a resolver (read by `Idempotent.apply`): when it applies.
OUTBOUND = "__parley_outbound__"
_F = TypeVar("_F", bound=Callable[..., Any])


def outbound_when(applies: Callable[[Settings], bool]) -> Callable[[_F], _F]:
    """Marks a mutation's resolver as doing outbound work (an HTTP call, an object-storage
    upload) where ``applies`` says so: with a key, it then runs outside the answer's
    transaction (module docstring). Put it under `@strawberry.mutation`."""

    def mark(resolver: _F) -> _F:
        setattr(resolver, OUTBOUND, applies)
        return resolver

    return mark


outbound = outbound_when(lambda settings: True)


# Retired (issue 18, 5): the result ids of the first twelve idempotent mutations. Nothing writes
# it since `IdempotentAnswer` answers for every mutation; its rows stay until a release drops it.
class IdempotencyKey(Model):
    id = fields.UUIDField(primary_key=True)
    actor_id = fields.UUIDField()
    key = fields.CharField(max_length=MAX_KEY_LENGTH)
    operation = fields.CharField(max_length=64)
    fingerprint = fields.CharField(max_length=64)
    result_id = fields.UUIDField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "idempotency_key"
        unique_together = (("actor_id", "key"),)


# The first answer to a key, stored in the transaction of the change it answers.
class IdempotentAnswer(Model):
    id = fields.UUIDField(primary_key=True)
    # "actor:<uuid>" or "anonymous:<fingerprint>".
    owner = fields.CharField(max_length=80)
    key = fields.CharField(max_length=MAX_KEY_LENGTH)
    operation = fields.CharField(max_length=64)
    # HMAC-SHA256 of the operation and its arguments, the key left out.
    fingerprint = fields.CharField(max_length=64)
    # What rebuilds the payload (`dump`); never a secret.
    answer: dict[str, Any] = fields.JSONField(default=dict)
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField(db_index=True)

    class Meta:
        table = "idempotent_answer"
        table_description = "The first answer to an idempotency key (issue 18, 5)."
        unique_together = (("owner", "key"),)


# --- the request ---------------------------------------------------------------------------


def _canonical(value: Any) -> Any:
    """The request as plain JSON: what two equal requests share, whatever their objects."""
    if value is None or value is strawberry.UNSET:
        return None
    if isinstance(value, enum.Enum):
        return _canonical(value.value)
    if isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, UploadFile):
        digest = hashlib.sha256()
        position = value.file.tell()
        value.file.seek(0)
        while chunk := value.file.read(1 << 16):
            digest.update(chunk)
        value.file.seek(position)
        return {"upload": value.filename, "sha256": digest.hexdigest()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _canonical(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name != KEY and getattr(value, f.name) is not strawberry.UNSET
        }
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_canonical(v) for v in value]
    return str(value)


def fingerprint(secret_key: str, operation: str, arguments: dict[str, Any]) -> str:
    encoded = orjson.dumps(
        {"operation": operation, "arguments": _canonical(arguments)},
        option=orjson.OPT_SORT_KEYS,
    )
    return keyed_hash(secret_key, encoded.decode())


# --- the answer ----------------------------------------------------------------------------


def _dump_error(error: Any) -> dict[str, Any]:
    return {
        "field": error.field,
        "code": str(error.code.value if isinstance(error.code, enum.Enum) else error.code),
        "message": error.message,
        "limit": error.limit,
        "actual": error.actual,
    }


def _load_error(data: dict[str, Any]) -> Any:
    from portal.api.errors import UserError, UserErrorCode

    return UserError(
        field=data["field"],
        code=UserErrorCode(data["code"]),
        message=data["message"],
        limit=data.get("limit"),
        actual=data.get("actual"),
    )


def secret_not_repeated(name: str) -> Any:
    from portal.api.errors import UserError, UserErrorCode, camel

    return UserError(
        field=[camel(name)],
        code=UserErrorCode.SECRET_NOT_REPEATED,
        message="The first answer to this key carried a secret, which is shown once and not "
        "stored; it is not repeated. If it was lost, rotate it.",
    )


async def dump(info: Info, payload: Any) -> dict[str, Any]:
    """What rebuilds ``payload``: its type's `AnswerForm`, else `dump_fields`."""
    form = _FORMS.get(type(payload))
    return await form.dump(info, payload) if form is not None else dump_fields(payload)


def _global_id(value: Any) -> str | None:
    gid = getattr(value, "id", None)
    return gid if isinstance(gid, str) and parse_global_id(gid) is not None else None


def dump_fields(payload: Any) -> dict[str, Any]:
    """userErrors verbatim, scalars as they are, objects as global ids, secrets left out."""
    answer: dict[str, Any] = {}
    for f in dataclasses.fields(payload):
        value = getattr(payload, f.name)
        if f.name == "user_errors":
            answer[f.name] = {"errors": [_dump_error(e) for e in value]}
        elif f.name in SECRET_FIELDS:
            answer[f.name] = {"secret": value is not None}
        elif value is None or isinstance(value, (str, int, float, bool)):
            answer[f.name] = {"value": value}
        elif type(value).__name__ == "Viewer":
            answer[f.name] = {"viewer": True}
        elif isinstance(value, list) and all(_global_id(item) for item in value):
            # A list of nodes (a group's sessions, one per member case): each by its id.
            answer[f.name] = {"nodes": [_global_id(item) for item in value]}
        else:
            gid = getattr(value, "id", None)
            if isinstance(gid, str) and parse_global_id(gid) is not None:
                answer[f.name] = {"node": gid}
            else:
                # No global id to read it again by: replayed as null (the guide says which).
                answer[f.name] = {"unnamed": type(value).__name__}
    return answer


async def _load_node(info: Info, gid: str) -> Any:
    from portal.api.node import _RESOLVERS

    parsed = parse_global_id(gid)
    if parsed is None or info.context.actor is None:
        return None
    resolver = _RESOLVERS.get(parsed[0])
    return await resolver(info, parsed[1]) if resolver else None


async def load_fields(info: Info, payload_type: type, answer: dict[str, Any]) -> Any:
    """The payload ``dump`` stored, its objects read as they stand now."""
    from portal.api.accounts.types import viewer_of

    values: dict[str, Any] = {}
    extra: list[Any] = []
    for name, item in answer.items():
        if "errors" in item:
            values[name] = [_load_error(e) for e in item["errors"]]
        elif "secret" in item:
            values[name] = None
            if item["secret"]:
                extra.append(secret_not_repeated(name))
        elif "value" in item:
            values[name] = item["value"]
        elif "viewer" in item:
            values[name] = await viewer_of(info) if info.context.actor else None
        elif "node" in item:
            values[name] = await _load_node(info, item["node"])
        elif "nodes" in item:
            # Those the reader may still see, as they stand now.
            loaded = [await _load_node(info, gid) for gid in item["nodes"]]
            values[name] = [node for node in loaded if node is not None]
        else:
            values[name] = None
    payload = payload_type(**values)
    if extra:
        payload.user_errors = [*payload.user_errors, *extra]
    return payload


@dataclasses.dataclass(frozen=True)
class AnswerForm:
    """How one payload type is stored and replayed, where the generic rule will not do."""

    dump: Callable[[Info, Any], Awaitable[dict[str, Any]]]
    # (info, stored answer, the mutation's arguments) -> the payload and, when the replay
    # changed what a later replay must give, the answer to store in its place.
    load: Callable[
        [Info, dict[str, Any], dict[str, Any]], Awaitable[tuple[Any, dict[str, Any] | None]]
    ]


_FORMS: dict[type, AnswerForm] = {}


def answer_form(payload_type: type, form: AnswerForm) -> None:
    _FORMS[payload_type] = form


# --- the rule ------------------------------------------------------------------------------


def _refusal(payload_type: type, code: str, message: str, path: list[str]) -> Any:
    from portal.api.errors import UserError, UserErrorCode

    error = UserError(field=path, code=UserErrorCode(code), message=message)
    # Required scalars say that nothing happened (`revoked: false`, `count: 0`).
    nothing: dict[str, Any] = {}
    for f in payload_type.__strawberry_definition__.fields:  # type: ignore[attr-defined]
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            nothing[f.python_name] = {bool: False, int: 0}.get(f.type)
    return payload_type(**{**nothing, "user_errors": [error]})


def _now() -> datetime:
    return datetime.now(UTC)


async def _stored(owner: str, key: str) -> IdempotentAnswer | None:
    return await IdempotentAnswer.get_or_none(owner=owner, key=key, expires_at__gt=_now())


class Idempotent(FieldExtension):
    """Gives a mutation the `idempotencyKey` argument and the replay rule (module docstring)."""

    def apply(self, field: StrawberryField) -> None:
        if not any(a.python_name == KEY for a in field.arguments):
            field.arguments = [
                *field.arguments,
                StrawberryArgument(
                    python_name=KEY,
                    graphql_name=None,
                    type_annotation=StrawberryAnnotation(str | None),
                    default=None,
                    description=KEY_DESCRIPTION,
                ),
            ]
        self.operation = field.graphql_name or _camel(field.python_name)
        self.payload_type: type = field.type  # type: ignore[assignment]
        resolver = field.base_resolver
        self.outbound: Callable[[Settings], bool] | None = (
            getattr(resolver.wrapped_func, OUTBOUND, None) if resolver is not None else None
        )

    async def resolve_async(
        self, next_: Callable[..., Awaitable[Any]], source: Any, info: Info, **kwargs: Any
    ) -> Any:
        key = kwargs.pop(KEY, None)
        given = kwargs.get("input")
        # The input field some mutations had before the argument: the same key, deprecated.
        legacy = getattr(given, KEY, None) if given is not None else None
        # Refusals name the key where the client gave it.
        path = ["idempotencyKey"]
        if legacy is not None:
            if key is not None and key != legacy:
                return _refusal(
                    self.payload_type,
                    "INVALID_INPUT",
                    "Two different keys: give `idempotencyKey` once, as the argument.",
                    path,
                )
            key, path = legacy, ["input", "idempotencyKey"]
            setattr(given, KEY, None)
        if key is None:
            return await next_(source, info, **kwargs)
        if not 1 <= len(key) <= MAX_KEY_LENGTH:
            return _refusal(
                self.payload_type,
                "INVALID_INPUT",
                f"Keys have 1 to {MAX_KEY_LENGTH} characters.",
                path,
            )
        actor = info.context.actor
        print_ = fingerprint(info.context.settings.secret_key, self.operation, kwargs)
        owner = f"actor:{actor.id}" if actor else f"anonymous:{print_}"
        window = ANSWER_WINDOW if actor else ANONYMOUS_WINDOW
        found = await _stored(owner, key)
        if found is None and self.outbound is not None and self.outbound(info.context.settings):
            payload = await next_(source, info, **kwargs)
            answer = await dump(info, payload)
            try:
                async with in_transaction():
                    await self._claim(owner, key, print_, window, answer)
            except IntegrityError:
                pass  # A concurrent repeat stored its answer first: later repeats get that one.
            return payload
        if found is None:
            try:
                async with in_transaction():
                    row = await self._claim(owner, key, print_, window, {})
                    payload = await next_(source, info, **kwargs)
                    row.answer = await dump(info, payload)
                    await row.save(update_fields=["answer"])
                return payload
            except IntegrityError:
                # A concurrent request with this key committed first: its answer is ours.
                found = await _stored(owner, key)
                if found is None:
                    raise
        return await self._replay(info, found, print_, kwargs, path)

    async def _claim(
        self, owner: str, key: str, print_: str, window: timedelta, answer: dict[str, Any]
    ) -> IdempotentAnswer:
        # An expired answer not purged yet makes way for the new one.
        await IdempotentAnswer.filter(owner=owner, key=key, expires_at__lte=_now()).delete()
        return await IdempotentAnswer.create(
            owner=owner,
            key=key,
            operation=self.operation,
            fingerprint=print_,
            answer=answer,
            expires_at=_now() + window,
        )

    async def _replay(
        self,
        info: Info,
        row: IdempotentAnswer,
        print_: str,
        kwargs: dict[str, Any],
        path: list[str],
    ) -> Any:
        if row.operation != self.operation or row.fingerprint != print_:
            return _refusal(
                self.payload_type,
                "IDEMPOTENCY_KEY_REUSED",
                "This key was used before for a different request.",
                path,
            )
        form = _FORMS.get(self.payload_type)
        if form is None:
            return await load_fields(info, self.payload_type, row.answer)
        payload, replaced = await form.load(info, row.answer, kwargs)
        if replaced is not None:
            await IdempotentAnswer.filter(id=row.id).update(answer=replaced)
        return payload


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def make_idempotent(mutation_type: type) -> None:
    """Give every field of ``mutation_type`` the rule; safe to call for every schema built."""
    for field in mutation_type.__strawberry_definition__.fields:  # type: ignore[attr-defined]
        if not any(isinstance(e, Idempotent) for e in field.extensions):
            field.extensions.append(Idempotent())


async def purge_answers(at: datetime | None = None) -> int:
    """Delete the answers past their window (the outbox worker, every scheduling round)."""
    return await IdempotentAnswer.filter(expires_at__lte=at or _now()).delete()


def legacy_key() -> Any:
    """The `idempotencyKey` input field the first idempotent mutations had: still read (the same
    key as the argument), deprecated for the argument every mutation has."""
    return strawberry.field(
        default=None,
        description="The key as an input field, as some mutations took it first; the same as "
        "the mutation's `idempotencyKey` argument (give one of the two).",
        deprecation_reason="Use the mutation's `idempotencyKey` argument.",
    )
