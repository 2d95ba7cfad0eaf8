"""Who submitted the evidence: decides invoice direction and which contract party is the merchant."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from extractors.text.normalise import compact


@dataclass(frozen=True, slots=True)
class Submitter:
    merchant_id: str
    name: str
    uscc: str | None = None

    def is_party(self, name: str | None, uscc: str | None) -> bool:
        """Same USCC, or (when either side lacks one) the same name, whitespace and width folded."""
        if uscc and self.uscc:
            return compact(uscc).upper() == compact(self.uscc).upper()
        return bool(name) and compact(name) == compact(self.name)


def enterprise_id(name: str | None, uscc: str | None) -> str | None:
    """The vocabulary's Enterprise id: the USCC when printed, else ``name:<sha256(name)[:16]>``."""
    if uscc:
        return compact(uscc).upper()
    if name:
        return "name:" + hashlib.sha256(compact(name).encode("utf-8")).hexdigest()[:16]
    return None
