"""Parley, the dispute-resolution case portal."""

from portal.logs import guard_database_loggers

# Issue 13 F7: before any database client logs a statement, in every process and every way of
# starting one (serve, worker, clocks, tests), its parameters are kept out of the log.
guard_database_loggers()
