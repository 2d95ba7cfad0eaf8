r"""A heterogeneous GNN that estimates a merchant's capacity from its subgraph.

Two rounds of GraphSAGE message passing per edge type (``HeteroConv``; the same model as
``to_hetero(SAGE)``, written out so the edge types are explicit), **sum** aggregation because amounts
add up (three invoices are worth more than one), then a head on the centre merchant's embedding
concatenated with its own standardised features (a skip connection: the aggregated features alone
are a strong model, the graph has to add to them).

No ``NeighborLoader`` (it needs pyg-lib, which has no wheels for this torch): subgraphs are already
bounded by the k-hop read, so training runs full-batch over all training subgraphs.

Args:
    hidden (int): embedding size (default: 32).
    epochs (int): full-batch Adam steps (default: 200).
    lr (float): learning rate (default: 0.01).
    weight_decay (float): L2 penalty (default: 1e-4).
    seed (int): torch seed (default: 0).
"""
from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import torch
from torch import nn

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)   # torch.jit notice on import (dependency-pitfalls.md)
    from torch_geometric.data import Batch
    from torch_geometric.nn import HeteroConv, SAGEConv
    from torch_geometric.transforms import ToUndirected

from reasoning.dataset import MerchantView
from reasoning.subgraph.encode import EDGE_TYPES, encode, feature_sizes


def _edge_types() -> list[tuple[str, str, str]]:
    out = list(EDGE_TYPES)
    out += [(d, f"rev_{r}", s) for s, r, d in EDGE_TYPES if s != d]
    return out


class _Net(nn.Module):
    def __init__(self, sizes: dict[str, int], hidden: int):
        super().__init__()
        self.embed = nn.ModuleDict({t: nn.Linear(n, hidden) for t, n in sizes.items()})
        self.convs = nn.ModuleList(
            HeteroConv({et: SAGEConv((hidden, hidden), hidden, aggr="sum") for et in _edge_types()}, aggr="sum")
            for _ in range(2))
        self.head = nn.Sequential(nn.Linear(hidden + sizes["merchant"], hidden), nn.ReLU(), nn.Linear(hidden, 1))

    def forward(self, x_dict: dict, edge_index_dict: dict, centre: torch.Tensor) -> torch.Tensor:
        h = {t: torch.relu(self.embed[t](x)) for t, x in x_dict.items()}
        for conv in self.convs:
            out = conv(h, edge_index_dict)
            h = {t: torch.relu(out[t]) + h[t] if t in out else h[t] for t in h}
        return self.head(torch.cat([h["merchant"][centre], x_dict["merchant"][centre]], dim=1)).squeeze(-1)


class CapacityGNN:
    def __init__(self, hidden: int = 32, epochs: int = 200, lr: float = 0.01, weight_decay: float = 1e-4,
                 seed: int = 0):
        self.hidden = hidden
        self.epochs = epochs
        self.lr = lr
        self.weight_decay = weight_decay
        self.seed = seed

    def _batch(self, views: Sequence[MerchantView], X: np.ndarray):
        graphs = [ToUndirected()(encode(v, self.industries_, row)) for v, row in zip(views, X)]
        batch = Batch.from_data_list(graphs)
        x = {t: (batch[t].x - self.mean_[t]) / self.std_[t] for t in batch.node_types}
        return x, batch.edge_index_dict, batch["merchant"].ptr[:-1]

    def fit(self, views: Sequence[MerchantView], X: np.ndarray, y_log_limit: np.ndarray) -> "CapacityGNN":
        torch.manual_seed(self.seed)
        torch.use_deterministic_algorithms(True)
        self.industries_ = _industries(views)
        raw = Batch.from_data_list([encode(v, self.industries_, row) for v, row in zip(views, X)])
        self.mean_ = {t: raw[t].x.mean(0) if raw[t].num_nodes else torch.zeros(raw[t].x.shape[1])
                      for t in raw.node_types}
        self.std_ = {t: (raw[t].x.std(0) if raw[t].num_nodes > 1 else torch.ones(raw[t].x.shape[1])).clamp_min(1e-3)
                     for t in raw.node_types}
        self.y_mean_ = float(np.mean(y_log_limit))
        self.net_ = _Net(feature_sizes(len(self.industries_)), self.hidden)
        x, edges, centre = self._batch(views, X)
        target = torch.tensor(y_log_limit - self.y_mean_, dtype=torch.float32)
        opt = torch.optim.Adam(self.net_.parameters(), lr=self.lr, weight_decay=self.weight_decay)
        self.net_.train()
        for _ in range(self.epochs):
            opt.zero_grad()
            loss = torch.nn.functional.l1_loss(self.net_(x, edges, centre), target)
            loss.backward()
            opt.step()
        self.net_.eval()
        return self

    @torch.inference_mode()
    def predict_views(self, views: Sequence[MerchantView], X: np.ndarray) -> np.ndarray:
        """Log limit per (view, feature row) pair."""
        x, edges, centre = self._batch(views, X)
        return self.net_(x, edges, centre).double().numpy() + self.y_mean_


def _industries(views: Sequence[MerchantView]) -> tuple[str, ...]:
    codes = {n.id for v in views for n in v.subgraph.nodes if n.label == "Industry"}
    return tuple(sorted(codes))
