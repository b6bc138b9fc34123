"""The record access log (issue 19, 3): who read which case file, document, bundle, export or
report, when and from where. Append-only. Not the HTTP request log (portal.logs)."""
