import sqlite3

import pytest

from api.assistant.nlu import understand
from api.assistant.profile import remember
from api.assistant.records import Profile
from api.assistant.store import ConversationStore


def test_conversation_and_profile_survive_a_restart(tmp_path):
    path = tmp_path / "api" / "assistant.sqlite"
    profile = remember(Profile(), understand("我有两台重卡，主要给顺丰拉货，月流水二十万"))
    ConversationStore(path).record("M1", [("merchant", "我有两台重卡", "tell_assets", None, {}),
                                          ("assistant", "记下了", None, "photo:heavy_truck", {"limit_cny": 1.0})],
                                   profile)
    reopened = ConversationStore(path)  # a new process would build exactly this
    assert reopened.profile("M1") == profile
    history = reopened.history("M1")
    assert [(t.seq, t.role, t.text, t.step) for t in history] == [
        (1, "merchant", "我有两台重卡", None), (2, "assistant", "记下了", "photo:heavy_truck")]
    reopened.record("M1", [("merchant", "好的", "affirm", None, {})], profile)
    assert [t.seq for t in ConversationStore(path).history("M1")] == [1, 2, 3]


def test_merchants_do_not_see_each_others_conversations(tmp_path):
    store = ConversationStore(tmp_path / "a.sqlite")
    store.record("M1", [("merchant", "你好", "greet", None, {})], Profile(monthly_revenue_cny=1.0))
    assert store.history("M2") == [] and store.profile("M2") == Profile()


def test_a_failed_write_leaves_nothing_half_written(tmp_path):
    store = ConversationStore(tmp_path / "a.sqlite")
    bad_role = [("merchant", "你好", "greet", None, {}), ("robot", "x", None, None, {})]
    with pytest.raises(sqlite3.IntegrityError, match="role"):
        store.record("M1", bad_role, Profile(monthly_revenue_cny=5.0))
    assert store.history("M1") == [] and store.profile("M1") == Profile()
