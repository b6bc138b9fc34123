"""The adapters Parley knows: the built-ins and any installed under `parley.providers`.

A third-party distribution declares its adapter in its own pyproject.toml::

    [project.entry-points."parley.providers"]
    acme = "acme_parley:AcmeAdapter"

The entry point names a class (or factory) taking no arguments whose instances satisfy
providers.contract.ProviderAdapter; its `name` must equal the entry point's name. Parley's
own adapters are declared the same way and also listed here, so they work from a source
checkout that was never installed.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Mapping
from importlib.metadata import entry_points
from types import MappingProxyType

from providers.contract import ProviderAdapter
from providers.email import EmailAdapter
from providers.inportal import InPortalAdapter
from providers.webhook import WebhookAdapter

GROUP = "parley.providers"
BUILT_IN: Mapping[str, Callable[[], ProviderAdapter]] = MappingProxyType(
    {"inportal": InPortalAdapter, "webhook": WebhookAdapter, "email": EmailAdapter}
)

log = logging.getLogger("providers")


class UnknownAdapter(LookupError):
    pass


@functools.cache
def adapters() -> Mapping[str, ProviderAdapter]:
    """Every adapter by name, loaded once: the built-ins, then the installed entry points.

    An entry point that fails to load, or whose object is not an adapter, is logged and left
    out: one broken plug-in must not stop the portal."""
    found: dict[str, ProviderAdapter] = {name: make() for name, make in BUILT_IN.items()}
    for point in entry_points(group=GROUP):
        if point.name in BUILT_IN:
            continue
        try:
            adapter = point.load()()
        except Exception:
            log.exception("provider adapter %s failed to load", point.name)
            continue
        if not isinstance(adapter, ProviderAdapter) or adapter.name != point.name:
            log.error("provider adapter %s is not a ProviderAdapter named so", point.name)
            continue
        found[point.name] = adapter
    return MappingProxyType(found)


def get(name: str) -> ProviderAdapter:
    try:
        return adapters()[name]
    except KeyError:
        raise UnknownAdapter(name) from None
