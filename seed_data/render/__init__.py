"""Evidence rendering: documents and asset photos as a phone would capture them, with ground truth.

Entry point: :func:`render_evidence`. Content comes from ``seed_data.documents``; this package only
draws, degrades and records.
"""
from seed_data.render.evidence import render_evidence

__all__ = ["render_evidence"]
