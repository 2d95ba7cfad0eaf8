from dataclasses import replace

from api.assistant.nlu import understand
from api.assistant.policy import next_step, rank
from api.assistant.profile import asked, remember
from api.assistant.records import Profile
from api.assistant.replies import upload_text
from tests.api.assistant.decisions import decision_with


def test_picks_the_most_uplift_per_unit_of_effort_not_the_most_uplift():
    # A bank statement could add more, but a truck photo is an eighth of the work.
    d = decision_with(("bank_statement", 60_000), ("photo:heavy_truck", 30_000))
    step = next_step(d, Profile())
    assert (step.kind, step.key) == ("upload", "photo:heavy_truck")
    assert "预计可提升额度约3万元" in step.text_zh


def test_a_request_without_the_decision_layers_wording_names_the_evidence_in_chinese():
    assert upload_text("photo:heavy_truck", 30_000, 1.0, "").startswith("建议您下一步上传重型货车的照片")


def test_ranking_is_by_score_and_scores_are_uplift_times_prior_over_effort():
    d = decision_with(("freight_contract", 40_000), ("photo:heavy_truck", 30_000), ("road_transport_permit", 25_000))
    ranked = rank(d, Profile())
    assert [s.key for s in ranked] == ["photo:heavy_truck", "road_transport_permit", "freight_contract"]
    top = ranked[0]
    assert top.score == top.prior * top.expected_uplift_cny / top.effort


def test_what_the_merchant_says_raises_the_prior_of_matching_evidence():
    d = decision_with(("photo:excavator", 40_000), ("photo:heavy_truck", 30_000))
    assert next_step(d, Profile()).key == "photo:excavator"
    profile = remember(Profile(), understand("我有两台重卡，没有挖机"))
    step = next_step(d, profile)
    assert step.key == "photo:heavy_truck" and step.prior > 0.9


def test_asks_before_requesting_costly_evidence_it_knows_nothing_about():
    d = decision_with(("bank_statement", 80_000))
    step = next_step(d, Profile())
    assert (step.kind, step.key) == ("question", "topic:revenue")
    # Once the merchant has said what flows through the account, the statement itself is requested.
    told = remember(asked(Profile(), "topic:revenue"), understand("月流水大概二十万"))
    assert next_step(d, told).key == "bank_statement"


def test_a_denied_item_sinks_and_an_ignored_request_yields_to_the_next():
    d = decision_with(("photo:heavy_truck", 30_000), ("road_transport_permit", 20_000))
    profile = remember(asked(Profile(), "photo:heavy_truck"), understand("没有"))
    assert next_step(d, profile).key == "road_transport_permit"
    ignored = replace(Profile(), asked=("photo:heavy_truck",) * 3)
    assert next_step(d, ignored).key == "road_transport_permit"


def test_nothing_to_ask_when_no_evidence_would_raise_the_limit():
    assert next_step(decision_with(), Profile()) is None
    assert next_step(decision_with(("waybill", 0.0)), Profile()) is None


def test_same_inputs_same_step():
    d = decision_with(("freight_contract", 40_000), ("waybill", 10_000), ("photo:van", 10_000))
    assert len({next_step(d, Profile()) for _ in range(5)}) == 1
