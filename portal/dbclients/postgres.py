"""Placeholder; replaced below."""

from tortoise.backends.asyncpg.client import AsyncpgDBClient

client_class = AsyncpgDBClient
