"""One clean render read back by RapidOCR: the key fields come out (issue 3's legibility bar)."""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from seed_data.render import render_evidence
from seed_data.world.records import World


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).replace("V", "¥")


def test_rapidocr_reads_the_key_fields_of_a_clean_invoice(world: World, tmp_path: Path) -> None:
    rapidocr = pytest.importorskip("rapidocr")
    engine = rapidocr.RapidOCR(params={"EngineConfig.onnxruntime.intra_op_num_threads": 1,
                                       "EngineConfig.onnxruntime.inter_op_num_threads": 1,
                                       "Global.log_level": "warning"})
    merchant, item = next((m, e) for m in world.merchants for e in m.evidence if e.doc_type == "digital_einvoice")
    path = render_evidence(world, merchant, item, tmp_path)
    truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    text = _norm("".join(engine(str(path)).txts or ()))
    keys = [f for f in truth["fields"] if f["key"]]
    found = [f["name"] for f in keys if _norm(f["value"]) in text]
    assert len(found) >= 0.95 * len(keys), sorted({f["name"] for f in keys} - set(found))
