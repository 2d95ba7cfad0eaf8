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


def test_soft_failures_lower_authenticity_and_reject_together():
    one = combine((CheckResult("seal_present", False, "soft", "", ""),))
    assert one.status == "verified" and one.authenticity < 1.0
    many = combine(tuple(CheckResult(f"s{i}", False, "soft", "", "") for i in range(SOFT_LIMIT)))
    assert many.status == "rejected"


def test_missing_corroboration_leaves_it_unknown():
    v = combine((ok(), CheckResult("contract_corroborated", None, "hard", "", "")))
    assert v.status == "unknown" and "contract_corroborated" in v.reasons


def test_faint_recapture_cues_leave_it_unknown():
    v = combine((ok(), CheckResult("recapture", None, "hard", "", "", score=0.3)))
    assert v.status == "unknown" and v.reasons == ("recapture",)
