"""An independent "expert reviewer" that labels seed-world cases (see ``reviewer.py``)."""
from seed_data.expert.reviewer import DECISIONS, LABEL_NOISE, ExpertLabel, review, review_world

__all__ = ["DECISIONS", "LABEL_NOISE", "ExpertLabel", "review", "review_world"]
