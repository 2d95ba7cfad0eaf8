"""Turning store records into response bodies, shared by the routers that return them."""
from __future__ import annotations

from api.service.audit import AuditEntry
from api.service.graph_reads import EvidenceRow
from api.service.models import Decision, Evidence, WithdrawalResult
from graph.records import WithdrawalReport


def decision_model(entry: AuditEntry) -> Decision:
    return Decision.of(entry.decision, audit_seq=entry.seq, recorded_at=entry.recorded_at, trigger=entry.trigger)


def withdrawal_model(report: WithdrawalReport) -> WithdrawalResult:
    return WithdrawalResult(
        evidence_id=report.evidence_id,
        facts_deleted=[f"{n.label}:{n.id}" for n in report.nodes_deleted] + list(report.relationships_deleted),
        facts_kept=[f"{n.label}:{n.id}" for n in report.nodes_kept] + list(report.relationships_kept))


def evidence_model(row: EvidenceRow) -> Evidence:
    return Evidence(evidence_id=row.evidence_id, doc_type=row.doc_type, status=row.status,
                    authenticity=row.authenticity, reasons=list(row.reasons), sha256=row.sha256,
                    submitted_at=row.submitted_at, consent_scope=row.consent_scope,
                    consent_purpose=row.consent_purpose, facts_supported=row.facts_supported)
