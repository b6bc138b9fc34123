"""Payment adapters: how a fee invoice gets paid (issue 20, deliverable 2).

Built like the provider adapters next door (providers.contract, providers.registry): one
Protocol and frozen data in `contract`, the built-ins and the `parley.payments` entry points
in `registry`. Nothing here knows Parley's models.
"""
