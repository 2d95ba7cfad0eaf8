"""Request and response bodies. The field descriptions are the API documentation (/docs, /openapi.json)."""
from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from reasoning.decision import Decision as DecisionRecord

MerchantId = Annotated[str, Field(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]*$",
                                  description="Merchant id in the graph.")]
# Every free-text input must hold a visible character: a blank name, scope or purpose is a client's
# mistake (422), never something to store. The pattern is unanchored, as JSON Schema patterns are.
NOT_BLANK = r"\S"


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class Problem(_Out):
    detail: str = Field(description="What was wrong, naming the file, field or limit involved.")


class ServerError(_Out):
    detail: str = Field(description="That the service failed, never how (no traceback).")
    error_id: str = Field(description="Quote it to the operator: the audit log records the failure under this id.")


class Merchant(_Out):
    merchant_id: str = Field(description="Merchant id in the graph.")
    name: str | None = Field(description="Registered name; null for experts, whose rules need no identity.")
    uscc: str | None = Field(description="Unified social credit code (GB 32100), when registered; null for experts.")
    legal_form: str | None = Field(description="Legal form (sole trader, company, ...).")
    base_limit_cny: float | None = Field(description="Credit limit from others' data (他证), before any evidence.")
    industry_code: str | None = Field(description="GB/T 4754-2017 industry class.")
    region_code: str | None = Field(description="GB/T 2260 administrative division.")


class MerchantCreate(BaseModel):
    merchant_id: MerchantId
    name: str = Field(min_length=1, max_length=200, pattern=NOT_BLANK, description="Registered name.")
    uscc: str | None = Field(default=None, min_length=1, max_length=18, pattern=NOT_BLANK,
                             description="Unified social credit code, if any.")
    legal_form: str | None = Field(default=None, min_length=1, max_length=64, pattern=NOT_BLANK, description="Legal form.")
    base_limit_cny: float = Field(ge=0, le=1e9, description="Credit limit from others' data (他证).")
    industry_code: str = Field(min_length=1, max_length=16, pattern=NOT_BLANK,
                               description="GB/T 4754-2017 class; must already be in the industry graph "
                                           "(a merchant is judged against its industry).")
    region_code: str = Field(min_length=1, max_length=16, pattern=NOT_BLANK,
                             description="GB/T 2260 division; must already be in the graph.")


class MerchantPage(_Out):
    merchant_ids: list[str] = Field(description="Merchant ids in id order.")
    next_after: str | None = Field(description="Pass as `after` for the next page; null on the last page.")


class ConsentCreate(BaseModel):
    scope: str = Field(min_length=1, max_length=100, pattern=NOT_BLANK,
                       description="What may be read, e.g. `business_documents` or `financial_accounts` "
                                   "(PIPL asks a separate consent for financial-account data).")
    purpose: str = Field(min_length=1, max_length=200, pattern=NOT_BLANK,
                         description="What it may be used for, e.g. `credit_limit_review`.")


class DelegationCreate(BaseModel):
    service_key_id: str = Field(min_length=1, max_length=64, pattern=r"^[0-9a-f]+$",
                                description="Id of the one service key that may use it (the part after `bk_`).")
    scope: str = Field(min_length=1, max_length=100, pattern=NOT_BLANK,
                       description="The consent scope the service may grant, withdraw, and upload or withdraw "
                                   "evidence under.")
    purpose: str = Field(min_length=1, max_length=200, pattern=NOT_BLANK, description="The consent purpose, likewise.")
    expires_in_s: int = Field(default=900, ge=1, le=3600, description="Lifetime in seconds (at most an hour).")


class DelegationIssued(_Out):
    delegation_id: str = Field(description="Recorded with every use in the audit log.")
    token: str = Field(description="`bd_…`, shown once: the service sends it as `X-Bailing-Delegation`.")
    merchant_id: str = Field(description="The merchant who delegated.")
    service_key_id: str = Field(description="The service key that may use it.")
    scope: str = Field(description="Consent scope covered.")
    purpose: str = Field(description="Consent purpose covered.")
    expires_at: datetime = Field(description="When it stops working (UTC).")


class Consent(_Out):
    consent_id: str = Field(description="Name this id when uploading evidence under the consent.")
    merchant_id: str = Field(description="The merchant who gave it.")
    scope: str = Field(description="What may be read.")
    purpose: str = Field(description="What it may be used for.")
    granted_at: datetime = Field(description="When it was given (UTC).")
    withdrawn_at: datetime | None = Field(description="When it was withdrawn; null while active.")
    active: bool = Field(description="True until withdrawn; uploads need an active consent.")


class Evidence(_Out):
    evidence_id: str = Field(description="Evidence id; withdraw it with DELETE on its URL.")
    doc_type: str | None = Field(description="SPEC §5 document type or photo class it was recognised as.")
    status: str | None = Field(description="`verified`; `rejected`: fraud evidence (a conclusive failed check), which "
                                           "stops the uplift until review; `unknown`: could not verify (unreadable, not a "
                                           "document, a faint cue), which neither adds to nor lowers the limit. Only "
                                           "verified evidence supports facts.")
    authenticity: float | None = Field(description="0-1 authenticity score from the verification checks.")
    reasons: list[str] = Field(description="Verification reason codes.")
    sha256: str | None = Field(description="SHA-256 of the file as uploaded.")
    submitted_at: datetime | None = Field(description="When it was submitted.")
    consent_scope: str | None = Field(description="Scope of the consent it was given under.")
    consent_purpose: str | None = Field(description="Purpose of the consent it was given under.")
    facts_supported: int = Field(description="Graph facts this evidence supports.")


class Reason(_Out):
    code: str = Field(description="Rule id (e.g. `R-FREIGHT-ASSETS`) or model attribution (`model:<feature>`).")
    effect: str = Field(description="`raise`, `cap`, `lower`, `flag`, `ask` or `model`.")
    text_zh: str = Field(description="The rule's sentence in Chinese, figures filled in.")
    text_en: str = Field(description="The same in English.")
    fired: bool = Field(description="False for a rule that was evaluated and did not fire.")
    amount_cny: float | None = Field(description="What the rule added, capped or took off, when it names an amount.")
    evidence_ids: list[str] = Field(description="Evidence behind the facts the rule matched.")


class NextEvidence(_Out):
    doc_type: str = Field(description="SPEC §5 document type or `photo:<asset class>` to submit next.")
    expected_uplift_cny: float = Field(description="What it could add to the limit if it verifies.")
    text_zh: str = Field(description="The suggestion in Chinese.")
    text_en: str = Field(description="The same in English.")


class Decision(_Out):
    merchant_id: str = Field(description="The merchant decided on.")
    decision: str = Field(description="`approve_uplift`, `no_change` or `decline_review`.")
    base_limit_cny: float = Field(description="Limit from others' data, before evidence.")
    uplift_cny: float = Field(description="Increase justified by verified evidence.")
    new_limit_cny: float = Field(description="Base limit plus uplift, after policy caps.")
    confidence: float = Field(ge=0, le=1, description="Confidence in the decision, 0-1.")
    reasons: list[Reason] = Field(description="Rules and model attributions, most decisive first.")
    evidence_used: list[str] = Field(description="Evidence ids the decision rests on.")
    next_best_evidence: list[NextEvidence] = Field(description="What to submit next, by expected value.")
    review: bool = Field(description="True when a person should look before the limit changes.")
    review_reasons: list[str] = Field(description="Why a review is asked for.")
    ontology_version: str = Field(description="Rule-set version the decision was taken under.")
    model_version: str = Field(description="Model version the decision was taken under.")
    as_of: str = Field(description="ISO date the decision was taken for.")
    audit_seq: int = Field(description="Audit-log entry that recorded this decision.")
    recorded_at: datetime = Field(description="When it was recorded.")
    trigger: str = Field(description="What caused it: `first_read`, `evidence_upload`, `withdrawal`, "
                                     "`consent_withdrawal`, `recompute`, `version_change`, `batch`.")

    @classmethod
    def of(cls, d: DecisionRecord, *, audit_seq: int, recorded_at: str, trigger: str) -> "Decision":
        return cls(merchant_id=d.merchant_id, decision=d.decision, base_limit_cny=d.base_limit_cny,
                   uplift_cny=d.uplift_cny, new_limit_cny=d.new_limit_cny, confidence=d.confidence,
                   reasons=[Reason(code=r.code, effect=r.effect, text_zh=r.text_zh, text_en=r.text_en, fired=r.fired,
                                   amount_cny=r.amount_cny, evidence_ids=list(r.evidence_ids)) for r in d.reasons],
                   evidence_used=list(d.evidence_used),
                   next_best_evidence=[NextEvidence(doc_type=n.doc_type, expected_uplift_cny=n.expected_uplift_cny,
                                                    text_zh=n.text_zh, text_en=n.text_en)
                                       for n in d.next_best_evidence],
                   review=d.review, review_reasons=list(d.review_reasons), ontology_version=d.ontology_version,
                   model_version=d.model_version, as_of=d.as_of, audit_seq=audit_seq,
                   recorded_at=datetime.fromisoformat(recorded_at), trigger=trigger)


class DecisionHistory(_Out):
    merchant_id: str = Field(description="The merchant.")
    decisions: list[Decision] = Field(description="Newest first.")
    next_before: int | None = Field(description="Pass as `before` for older entries; null when there are none.")


class UploadResult(_Out):
    upload_id: str = Field(description="The accepted upload this came from.")
    evidence: list[Evidence] = Field(description="What was recognised and written to the graph.")
    decision: Decision = Field(description="The merchant's decision after this upload.")


class UploadFailure(_Out):
    status: int = Field(description="The HTTP status the upload would have been answered with (4xx: the file or "
                                    "its consent; 500: ours, quote the error id in the detail).")
    detail: str = Field(description="What was wrong, in a sentence.")
    error_id: str | None = Field(description="For a 500: the id to quote (the audit log records it).")


class UploadStatus(_Out):
    upload_id: str = Field(description="The accepted upload.")
    merchant_id: str = Field(description="The merchant it was uploaded for.")
    filename: str = Field(description="The file's name as sent.")
    size: int = Field(description="The file's size in bytes.")
    state: str = Field(description="`queued` (waiting for a worker), `processing` (being read and verified), "
                                   "`done` (see `result`) or `failed` (see `error`).")
    ahead: int = Field(description="Uploads (any merchant's) to be processed before this queued one; 0 otherwise.")
    attempts: int = Field(description="Times a worker has taken it up; more than one means a worker stopped mid-way "
                                      "and another took over.")
    enqueued_at: datetime = Field(description="When it was accepted.")
    started_at: datetime | None = Field(description="When a worker last took it up.")
    finished_at: datetime | None = Field(description="When it was done or failed.")
    status_url: str = Field(description="This status's URL; poll it (every second or two) until `done` or `failed`.")
    result: UploadResult | None = Field(description="The evidence and the new decision, once `done`.")
    error: UploadFailure | None = Field(description="Why it failed, once `failed`.")


class WithdrawalResult(_Out):
    evidence_id: str = Field(description="The evidence withdrawn.")
    facts_deleted: list[str] = Field(description="Graph facts deleted because only this evidence supported them "
                                                 "(`Label:id` for nodes, relationship uids otherwise).")
    facts_kept: list[str] = Field(description="Facts still supported by other evidence; they lost only this support.")


class EvidenceWithdrawal(_Out):
    withdrawal: WithdrawalResult = Field(description="What withdrawing the evidence removed from the graph.")
    decision: Decision = Field(description="The merchant's decision recomputed without this evidence.")


class ConsentWithdrawal(_Out):
    consent: Consent = Field(description="The consent, now withdrawn.")
    withdrawn_evidence: list[WithdrawalResult] = Field(
        description="Evidence given under this consent, withdrawn with it (its facts deleted).")
    decision: Decision | None = Field(description="The decision recomputed without that evidence; "
                                                  "null when no evidence depended on the consent.")


class BatchRequest(BaseModel):
    merchant_ids: list[MerchantId] = Field(min_length=1, max_length=500, description="Merchants to score (at most 500).")
    recompute: bool = Field(default=False, description="Recompute even where a current stored decision exists.")
    confirm_bulk: bool = Field(default=False, description="Required to recompute more than one merchant in one "
                                                          "call: it writes a new decision for each.")


class BatchItem(_Out):
    merchant_id: str = Field(description="The merchant.")
    decision: Decision | None = Field(description="Its decision; null when it could not be scored.")
    error: str | None = Field(description="Why it could not be scored (e.g. unknown merchant).")


class BatchResult(_Out):
    items: list[BatchItem] = Field(description="One per requested merchant, in request order.")


class Versions(_Out):
    api_version: str = Field(description="Version of this service.")
    ontology_version: str = Field(description="Active rule-set (ontology) version.")
    model_version: str = Field(description="Active decision-model version.")


class Liveness(_Out):
    status: str = Field(description="`ok` while the process serves requests.")


class Readiness(_Out):
    ready: bool = Field(description="True when every check passed.")
    checks: dict[str, str] = Field(description="Each check's outcome: `ok` or what failed.")


class ChainStatus(_Out):
    ok: bool = Field(description="True when every row's hash and link match.")
    rows: int = Field(description="Rows checked (all of them, unless a broken one stopped the walk).")
    first_bad_seq: int | None = Field(description="First row that fails, when one does.")
    problem: str = Field(description="What is wrong with that row; empty when ok.")
