"""What a fraud changed on a document's content, before any pixels exist."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Alteration:
    kind: str              # a FRAUD_KINDS value
    field: str | None      # the printed field that differs from a genuine document; None: not one field
    genuine: str | None    # the value a genuine document would print
    printed: str | None    # the value this document prints
    note: str              # one sentence for people reading the truth file
