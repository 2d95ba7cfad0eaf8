"""What the model says about one merchant: its estimate, what drove it, and what would move it.

All in one batched prediction (1 + 2 × groups rows):

* **attribution** of an evidence group (bank statement, invoices, assets, …) = estimate with the
  merchant's features − estimate with that group's features set to "nothing submitted" (zero);
* **counterfactual** of a missing upload type (none of its features present) = estimate after adding a
  *typical verified* upload of it:
  each of the group's features raised to the typical value stored with the model (the median over
  training merchants that had it), never lowered, so the counterfactual is the merchant plus more.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from reasoning.dataset import MerchantView
from reasoning.features import EVIDENCE_GROUPS, FEATURES
from reasoning.models.capacity import CapacityModel

_INDEX = {name: i for i, name in enumerate(FEATURES)}


@dataclass(frozen=True, slots=True)
class ModelView:
    limit_cny: float
    attributions: tuple[tuple[str, float], ...]     # (evidence group, CNY it adds), largest first
    counterfactuals: tuple[tuple[str, float], ...]  # (missing evidence group, limit if a typical one were added)
    version: str
    log_sd: float = 0.0                             # the model's log error (validation), for the uplift point
    band_half_width: float = 0.2                    # the officer's range, learned from training labels


def model_view(model: CapacityModel, view: MerchantView) -> ModelView:
    x = np.asarray(view.features.values, dtype=np.float64)
    rows = [x]
    groups = list(EVIDENCE_GROUPS)
    for group in groups:
        ablated = x.copy()
        for name in EVIDENCE_GROUPS[group]:
            ablated[_INDEX[name]] = 0.0
        rows.append(ablated)
    for group in groups:
        added = x.copy()
        for name, value in model.typical.get(group, {}).items():
            added[_INDEX[name]] = max(added[_INDEX[name]], value)
        rows.append(added)
    limits = model.predict_limit([view] * len(rows), np.vstack(rows))
    here = float(limits[0])
    n = len(groups)
    attributions = sorted(((g, here - float(limits[1 + k])) for k, g in enumerate(groups)), key=lambda t: -t[1])
    # Only groups the merchant has not submitted at all: the next best evidence is what is missing.
    missing = {g for g in groups if all(x[_INDEX[name]] == 0.0 for name in EVIDENCE_GROUPS[g])}
    counterfactuals = tuple((g, float(limits[1 + n + k])) for k, g in enumerate(groups) if g in missing)
    return ModelView(here, tuple(attributions), counterfactuals, model.version, model.log_sd, model.band_half_width)
