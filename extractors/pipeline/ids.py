"""Evidence ids: the same file from the same merchant is the same evidence, however often it arrives."""
from __future__ import annotations

import hashlib


def evidence_id(merchant_id: str, sha256: str) -> str:
    """``<merchant id>:<20 hex>`` from the merchant and the file's sha256.

    Deterministic, so re-uploading a file re-writes its evidence instead of adding a second copy, and a
    reuse check sees another merchant's upload of the same file under another id.
    """
    if not merchant_id:
        raise ValueError("merchant_id must not be empty")
    digest = hashlib.sha256("\x00".join((merchant_id, sha256)).encode()).hexdigest()
    return f"{merchant_id}:{digest[:20]}"
