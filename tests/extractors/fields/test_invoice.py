from __future__ import annotations

from extractors.fields import InvoiceRecord, extract_fields


def test_tax_id_with_zero_read_as_letter_o_keeps_buyer_and_seller_apart(demo_page) -> None:
    # Phone capture: the buyer's "…MAGPYTYR0M" is read "…MAGPYTYROM"; O is not in GB 32100's alphabet.
    truth, document = demo_page("M0000334-E005")
    key = {f["name"]: f["value"] for f in truth["fields"]}
    record = extract_fields("vat_special_invoice", document)
    assert isinstance(record, InvoiceRecord)
    assert (record.buyer_tax_id, record.seller_tax_id) == (key["buyer_tax_id"], key["seller_tax_id"])
