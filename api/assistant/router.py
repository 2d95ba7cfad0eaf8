"""The assistant's endpoints: talk (`POST /assistant/{merchant_id}/messages`), read the conversation
back, and hear what an upload proved (`POST /assistant/{merchant_id}/uploads/{evidence_id}`).

The merchant itself, or a bank app relaying it (service role), may talk; nobody else reads a
conversation. Replies rest on the merchant's current decision from the scoring service.
"""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, status
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from api.assistant import dialogue
from api.assistant.evidence_view import read_evidence
from api.assistant.nlu import understand
from api.assistant.phrasing import PhrasingBackend
from api.assistant.records import Step, Turn
from api.assistant.store import ConversationStore
from api.service.auth import Principal, Role
from api.service.dependencies import GraphDriver, MerchantPath, Scoring, Settings, merchant_access
from api.service.routers.responses import AUTHED_MERCHANT
from api.service.scoring import UnknownMerchant
from api.service.settings import ServiceSettings
from reasoning.decision import Decision

router = APIRouter(prefix="/assistant/{merchant_id}", tags=["assistant"], responses=AUTHED_MERCHANT)

CONVERSE = merchant_access(Role.MERCHANT, Role.SERVICE)
EvidencePath = Annotated[str, Path(min_length=1, max_length=200, description="Evidence id of the upload.")]


class MessageIn(BaseModel):
    text: str = Field(min_length=1, max_length=2000, description="What the merchant wrote, in Chinese.")


class StepOut(BaseModel):
    kind: str = Field(description="`upload` (a piece of evidence) or `question` (about a topic).")
    key: str = Field(description="Evidence code (`freight_contract`, `photo:heavy_truck`) or topic (`topic:revenue`).")
    expected_uplift_cny: float = Field(description="What the evidence could add to the limit if it verifies.")
    effort: float = Field(description="Effort units (about a minute each) it costs the merchant.")
    prior: float = Field(description="How likely the merchant holds it, from what they said (0-1).")
    score: float = Field(description="Expected uplift per unit of effort; the step chosen has the highest.")
    text_zh: str = Field(description="The request or question in Chinese.")


class Understood(BaseModel):
    intents: list[str] = Field(description="Intents found, most specific first.")
    amounts: list[dict[str, object]] = Field(description="Amounts: low_cny, high_cny, period, text.")
    assets: list[dict[str, object]] = Field(description="Assets: asset_class, count, negated, text.")
    suppliers: list[str] = Field(description="Supplier names mentioned.")
    customers: list[str] = Field(description="Customer names mentioned.")
    months: list[int] = Field(description="Months named (1-12).")
    doc_types: list[str] = Field(description="Evidence types named.")


class TurnOut(BaseModel):
    seq: int = Field(description="Position in the conversation, from 1.")
    role: str = Field(description="`merchant` or `assistant`.")
    text: str = Field(description="What was said.")
    at: str = Field(description="When (ISO 8601, UTC).")
    intent: str | None = Field(description="For merchant turns: the main intent understood.")
    step: str | None = Field(description="For assistant turns: the evidence or topic asked for.")


class ReplyOut(BaseModel):
    reply: TurnOut = Field(description="The assistant's reply.")
    understood: Understood | None = Field(description="What was understood from the message (null for uploads).")
    next_step: StepOut | None = Field(description="What the assistant asked for, and why; null when nothing more.")
    limit_cny: float = Field(description="The merchant's current limit.")
    uplift_cny: float = Field(description="Of which, justified by verified evidence.")


def conversations(settings: Settings) -> ConversationStore:
    return ConversationStore(settings.home / "assistant.sqlite")


def phrasing() -> PhrasingBackend:
    return PhrasingBackend.from_env()


Conversations = Annotated[ConversationStore, Depends(conversations)]
Phrasing = Annotated[PhrasingBackend, Depends(phrasing)]
Converser = Annotated[Principal, Depends(CONVERSE)]


def _turn(t: Turn) -> TurnOut:
    return TurnOut(seq=t.seq, role=t.role, text=t.text, at=t.at, intent=t.intent, step=t.step)


def _step(s: Step | None) -> StepOut | None:
    return None if s is None else StepOut(kind=s.kind, key=s.key, expected_uplift_cny=s.expected_uplift_cny,
                                          effort=s.effort, prior=s.prior, score=s.score, text_zh=s.text_zh)


def _decision(scorer: Scoring, merchant_id: str, principal: Principal) -> Decision:
    try:
        return scorer.current(merchant_id, actor_key_id=principal.key_id).decision
    except UnknownMerchant as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from None


def _reply_meta(reply: dialogue.Reply, decision: Decision) -> dict[str, object]:
    return {"limit_cny": decision.new_limit_cny, "step_score": reply.step.score if reply.step else None}


def _talk(merchant_id: str, text: str, store: ConversationStore, scorer: Scoring, principal: Principal,
          backend: PhrasingBackend) -> ReplyOut:
    u = understand(text)
    decision = _decision(scorer, merchant_id, principal)
    reply = dialogue.answer(u, store.profile(merchant_id), decision)
    said = backend.rephrase(reply.text)
    _, out = store.record(merchant_id, [
        ("merchant", text.strip(), u.intent, None, {"intents": list(u.intents)}),  # as written, not normalised
        ("assistant", said, None, reply.step.key if reply.step else None, _reply_meta(reply, decision)),
    ], reply.profile)
    understood = Understood(
        intents=list(u.intents), amounts=[{"low_cny": a.low_cny, "high_cny": a.high_cny, "period": a.period,
                                           "text": a.text} for a in u.amounts],
        assets=[{"asset_class": a.asset_class, "count": a.count, "negated": a.negated, "text": a.text}
                for a in u.assets],
        suppliers=list(u.suppliers), customers=list(u.customers), months=list(u.months), doc_types=list(u.doc_types))
    return ReplyOut(reply=_turn(out), understood=understood, next_step=_step(reply.step),
                    limit_cny=decision.new_limit_cny, uplift_cny=decision.uplift_cny)


@router.post("/messages", response_model=ReplyOut)
async def post_message(merchant_id: MerchantPath, body: MessageIn, store: Conversations, scorer: Scoring,
                       backend: Phrasing, principal: Converser) -> ReplyOut:
    """Understand the message, answer it and ask for the step worth most per unit of the merchant's effort."""
    return await run_in_threadpool(_talk, merchant_id, body.text, store, scorer, principal, backend)


@router.get("/messages", response_model=list[TurnOut])
def get_messages(merchant_id: MerchantPath, store: Conversations, _: Converser,
                 limit: Annotated[int, Query(ge=1, le=1000, description="Most recent turns to return.")] = 200,
                 ) -> list[TurnOut]:
    """The conversation so far, oldest first; it survives restarts of the service."""
    return [_turn(t) for t in store.history(merchant_id, limit=limit)]


def _feedback(merchant_id: str, evidence_id: str, store: ConversationStore, scorer: Scoring, principal: Principal,
              driver: GraphDriver, settings: ServiceSettings, backend: PhrasingBackend) -> ReplyOut:
    view = read_evidence(driver, merchant_id, evidence_id, database=settings.database)
    if view is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"merchant {merchant_id!r} has no evidence {evidence_id!r}")
    decision = _decision(scorer, merchant_id, principal)
    reply = dialogue.upload_feedback(view, store.profile(merchant_id), decision)
    said = backend.rephrase(reply.text)
    (out,) = store.record(merchant_id, [
        ("assistant", said, None, reply.step.key if reply.step else None,
         {**_reply_meta(reply, decision), "evidence_id": evidence_id, "status": view.status})], reply.profile)
    return ReplyOut(reply=_turn(out), understood=None, next_step=_step(reply.step),
                    limit_cny=decision.new_limit_cny, uplift_cny=decision.uplift_cny)


@router.post("/uploads/{evidence_id}", response_model=ReplyOut)
async def post_upload(merchant_id: MerchantPath, evidence_id: EvidencePath, store: Conversations, scorer: Scoring,
                      driver: GraphDriver, settings: Settings, backend: Phrasing, principal: Converser) -> ReplyOut:
    """Say at once what an upload (made with `POST /merchants/{id}/evidence`) was recognised as, what it
    proved or why it failed, how the limit moved, and what to submit next."""
    return await run_in_threadpool(_feedback, merchant_id, evidence_id, store, scorer, principal, driver, settings,
                                   backend)
