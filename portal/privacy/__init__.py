"""Data protection (issue 19, part D): retention, subject-access export, erasure requests."""
