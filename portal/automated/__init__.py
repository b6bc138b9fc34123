"""Issue 20, deliverable 3: automated decisions, disclosed and reviewable.

Every step the clock job takes (a row of the transition table marked `system`) is recorded as
an automated decision naming its rule; each party may ask a person to review it within the
scheme's window, and a provider caseworker decides the review with reasons, reversing the step
through the table's `reverse_automated_decision` row when they do not uphold it.
"""
