import socket

from api.assistant.phrasing import PhrasingBackend, keeps_facts

TEXT = "已识别：道路运输经营许可证，验证通过。额度由10万元提升到15万元（+5万元）。"


def test_off_by_default_returns_our_text():
    backend = PhrasingBackend.from_env({})
    assert backend.url is None and backend.rephrase(TEXT) == TEXT


def test_an_unreachable_model_falls_back_to_our_text():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once the socket is closed
    backend = PhrasingBackend.from_env({"BAILING_ASSISTANT_LLM_URL": f"http://127.0.0.1:{port}/v1"})
    assert backend.rephrase(TEXT) == TEXT


def test_a_rewording_may_not_change_a_figure_or_drop_a_document_name():
    assert keeps_facts(TEXT, "好消息！您的道路运输经营许可证已验证通过，额度由10万元提升到15万元（+5万元）。")
    assert not keeps_facts(TEXT, "您的道路运输经营许可证已验证通过，额度由10万元提升到20万元（+10万元）。")
    assert not keeps_facts(TEXT, "您的证件已验证通过，额度由10万元提升到15万元（+5万元）。")
    assert not keeps_facts(TEXT, "")
