from extractors.verify.result import CheckResult
from extractors.verify.score import HARD_FACTOR, SOFT_LIMIT, combine


def ok(code="a"):
    return CheckResult(code, True, "hard", "", "")


def test_all_passed_is_verified_with_full_authenticity():
    v = combine((ok(), ok("b")))
    assert (v.status, v.authenticity, v.reasons) == ("verified", 1.0, ())


def test_one_hard_failure_rejects_and_is_the_reason():
    v = combine((ok(), CheckResult("uscc_check_digit", False, "hard", "", "")))
    assert v.status == "rejected" and v.reasons == ("uscc_check_digit",) and v.authenticity == HARD_FACTOR


def test_soft_failures_lower_authenticity_and_together_leave_it_unverified_not_fraud():
    one = combine((CheckResult("seal_present", False, "soft", "", ""),))
    assert one.status == "verified" and one.authenticity < 1.0
    many = combine(tuple(CheckResult(f"s{i}", False, "soft", "", "") for i in range(SOFT_LIMIT)))
    # Weak cues add up to doubt, never to proof of fraud: the evidence proves nothing, nobody is declined.
    assert many.status == "unknown" and many.reasons == tuple(f"s{i}" for i in range(SOFT_LIMIT))


def test_a_capture_too_poor_to_judge_is_unknown():
    v = combine((ok(), CheckResult("capture_quality", None, "hard", "", "")))
    assert v.status == "unknown" and v.reasons == ("capture_quality",)


def test_missing_corroboration_leaves_it_unknown():
    v = combine((ok(), CheckResult("contract_corroborated", None, "hard", "", "")))
    assert v.status == "unknown" and "contract_corroborated" in v.reasons


def test_faint_recapture_cues_leave_it_unknown():
    v = combine((ok(), CheckResult("recapture", None, "hard", "", "", score=0.3)))
    assert v.status == "unknown" and v.reasons == ("recapture",)


def test_an_invoice_whose_qr_cannot_be_read_is_asked_for_again_not_verified():
    v = combine((ok(), CheckResult("invoice_qr_matches", None, "hard", "", "")))
    assert v.status == "unknown" and v.reasons == ("invoice_qr_matches",)
