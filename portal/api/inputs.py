"""The one `input` argument of every mutation, described once where the mutations are declared
(issue 18, deliverable 7): decorate each class of mutations with :func:`mutations`."""

from __future__ import annotations

from typing import TypeVar

from strawberry.types.base import StrawberryObjectDefinition

T = TypeVar("T", bound=type)


def mutations(cls: T) -> T:
    """Describe the `input` argument of each mutation of ``cls`` (a ``@strawberry.type`` class;
    put this decorator above that one) by the input object it takes, where the mutation does not
    describe it itself."""
    definition: StrawberryObjectDefinition = cls.__strawberry_definition__  # type: ignore[attr-defined]
    for field in definition.fields:
        for argument in field.arguments:
            if argument.python_name != "input" or argument.description:
                continue
            input_type = getattr(argument.type, "of_type", argument.type)
            name = getattr(input_type, "__strawberry_definition__").name  # noqa: B009
            argument.description = (
                f"Everything the mutation takes, in one object: see `{name}` for each field. "
                "Send it as a variable (`$input`)."
            )
    return cls
