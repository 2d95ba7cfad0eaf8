from api.assistant.dialogue import answer, upload_feedback
from api.assistant.evidence_view import EvidenceView, FactView
from api.assistant.nlu import understand
from api.assistant.records import Profile
from reasoning.decision import Reason
from tests.api.assistant.decisions import decision_with


def test_a_free_text_message_is_acknowledged_answered_and_followed_by_the_best_step():
    d = decision_with(("photo:heavy_truck", 30_000), ("bank_statement", 50_000))
    reply = answer(understand("你好，我有两台重卡，月流水大概二十万，额度能提吗"), Profile(), d)
    assert "2台重型货车" in reply.text and "每月收入约20万元" in reply.text
    assert "您目前的额度是10万元" in reply.text
    assert reply.step.key == "photo:heavy_truck" and reply.step.text_zh in reply.text
    assert reply.profile.last_step == "photo:heavy_truck" and reply.profile.monthly_revenue_cny == 200_000


def test_why_names_the_reasons_in_chinese():
    reasons = (Reason("R-FREIGHT-ASSETS", "raise", "已验证2台重型货车，按残值计入额度", "", True, 50_000.0),
               Reason("R-FREIGHT-PERMIT", "raise", "缺少道路运输经营许可证", "", False))
    reply = answer(understand("为什么才这么点额度？"), Profile(), decision_with(uplift=50_000, reasons=reasons))
    assert "已验证2台重型货车" in reply.text and "缺少道路运输经营许可证" in reply.text


def test_yes_to_an_upload_request_asks_for_that_upload_not_something_else():
    d = decision_with(("photo:heavy_truck", 30_000), ("waybill", 20_000))
    first = answer(understand("你好"), Profile(), d)
    reply = answer(understand("有的"), first.profile, d)
    assert "请上传重型货车的照片" in reply.text and reply.step is None


def test_upload_feedback_says_what_was_recognised_and_how_the_limit_moved():
    view = EvidenceView("E1", "road_transport_permit", "verified", 0.97, (), None,
                        (FactView("Licence", (("number", "粤交运管字440100123456号"), ("valid_until", "2028-05-31"))),))
    reply = upload_feedback(view, Profile(last_limit_cny=100_000), decision_with(("waybill", 9_000), uplift=50_000))
    assert reply.text.startswith("已识别：道路运输经营许可证（证号粤交运管字440100123456号，有效期至2028-05-31）")
    assert "额度由10万元提升到15万元（+5万元）" in reply.text
    assert reply.profile.last_limit_cny == 150_000


def test_upload_feedback_says_why_a_document_failed():
    view = EvidenceView("E2", "road_transport_permit", "rejected", 0.2, ("licence_not_expired",), None, ())
    reply = upload_feedback(view, Profile(), decision_with())
    assert "没有通过验证：证件已过有效期" in reply.text and "不会计入额度" in reply.text


def test_a_verified_upload_is_not_asked_for_again():
    view = EvidenceView("E1", "road_transport_permit", "verified", 0.97, (), None, ())
    d = decision_with(("road_transport_permit", 90_000), ("waybill", 9_000))
    reply = upload_feedback(view, Profile(), d)
    assert reply.step.key == "waybill"
