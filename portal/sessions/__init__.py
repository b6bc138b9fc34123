"""Sessions and hearings (issue 20, 1): proposed with slots, picked or declined by each side,
scheduled, moved, cancelled and minuted; mailed with RFC 5545 invitations and served in
per-person calendar feeds."""
