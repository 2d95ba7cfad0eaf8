"""Who labels seed-world cases: the single expert reviewer (``reviewer.py``) and the review panel of
three officers (``panel.py``)."""
from seed_data.expert.panel import PANEL, Officer, PanelLabel, labelling_officer, panel_review
from seed_data.expert.reviewer import DECISIONS, LABEL_NOISE, ExpertLabel, review, review_world

__all__ = ["DECISIONS", "LABEL_NOISE", "PANEL", "ExpertLabel", "Officer", "PanelLabel", "labelling_officer",
           "panel_review", "review", "review_world"]
