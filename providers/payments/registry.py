"""The payment adapters Parley knows: the built-ins and any installed under `parley.payments`.

A processor's plug-in declares itself in its own pyproject.toml::

    [project.entry-points."parley.payments"]
    acme-pay = "acme_pay:AcmePayments"

The entry point names a class (or factory) taking no arguments whose instances satisfy
providers.payments.contract.PaymentAdapter; its `name` must equal the entry point's name (as
for provider adapters, providers.registry).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Mapping
from importlib.metadata import entry_points
from types import MappingProxyType

from providers.payments.contract import PaymentAdapter
from providers.payments.simulator import CardSimulator
from providers.payments.staff import RecordedByStaff

GROUP = "parley.payments"
BUILT_IN: Mapping[str, Callable[[], PaymentAdapter]] = MappingProxyType(
    {"staff": RecordedByStaff, "simulator": CardSimulator}
)

log = logging.getLogger("providers.payments")


class UnknownAdapter(LookupError):
    pass


@functools.cache
def adapters() -> Mapping[str, PaymentAdapter]:
    """Every adapter by name, loaded once; a plug-in that fails to load is logged and left out."""
    found: dict[str, PaymentAdapter] = {name: make() for name, make in BUILT_IN.items()}
    for point in entry_points(group=GROUP):
        if point.name in BUILT_IN:
            continue
        try:
            adapter = point.load()()
        except Exception:
            log.exception("payment adapter %s failed to load", point.name)
            continue
        if not isinstance(adapter, PaymentAdapter) or adapter.name != point.name:
            log.error("payment adapter %s is not a PaymentAdapter named so", point.name)
            continue
        found[point.name] = adapter
    return MappingProxyType(found)


def get(name: str) -> PaymentAdapter:
    try:
        return adapters()[name]
    except KeyError:
        raise UnknownAdapter(name) from None
