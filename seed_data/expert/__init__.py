"""Who labels seed-world cases: a review panel of three officers (``panel.py``); a bank holds the
review of one of them per case."""
from seed_data.expert.panel import PANEL, Officer, PanelLabel, labelling_officer, panel_review

__all__ = ["PANEL", "Officer", "PanelLabel", "labelling_officer", "panel_review"]
