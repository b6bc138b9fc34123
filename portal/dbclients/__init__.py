"""Parley's database clients: Tortoise's own, with what several processes and lost connections
need (issue 13 D1, D3). `portal.db.tortoise_config` names them as the engines."""
