"""`bailing ontology`: check, diff and activate experts' rule-set versions (see ontology/README.md)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _check(args: argparse.Namespace) -> int:
    from ontology.check import check_version
    from ontology.versions import active_version, owl_path, rulesets_dir

    root = Path(args.rulesets) if args.rulesets else rulesets_dir()
    version = args.version or active_version(root)
    owl = Path(args.owl) if args.owl else owl_path()
    report = check_version(root / version, owl, reason=not args.no_reasoner)
    for error in report.errors:
        print(error, file=sys.stderr)
    status = "ok" if report.ok else f"FAILED ({len(report.errors)} errors)"
    print(f"ontology {owl.name} + rules {version}: {report.rules} rules, {report.examples} examples: {status}")
    return 0 if report.ok else 1


def _diff(args: argparse.Namespace) -> int:
    from api.demo.seed_merchant_facts import seed_merchant_facts  # seed worlds stand in for a bank's merchants
    from ontology.diff import diff_rulesets
    from ontology.rules.ruleset import load_ruleset
    from ontology.versions import knowledge, rulesets_dir

    root = Path(args.rulesets) if args.rulesets else rulesets_dir()
    know = knowledge()
    old, new = load_ruleset(root / args.old, know), load_ruleset(root / args.new, know)
    result = diff_rulesets(old, new, seed_merchant_facts(args.world, args.seed))
    print(f"{result.old_version} → {result.new_version} on the {args.world} world: "
          f"{len(result.changes)} of {result.merchants} merchants change")
    if result.added_rules or result.removed_rules:
        print(f"rules added: {', '.join(result.added_rules) or '-'}; removed: {', '.join(result.removed_rules) or '-'}")
    for c in sorted(result.changes, key=lambda c: -abs(c.raised_delta_cny)):
        cap = "" if c.old.cap_cny == c.new.cap_cny else f" cap {c.old.cap_cny} → {c.new.cap_cny}"
        flags = c.new.flags ^ c.old.flags
        print(f"  {c.merchant_id}: capacity {c.old.raised_cny:,.0f} → {c.new.raised_cny:,.0f} "
              f"({c.raised_delta_cny:+,.0f}){cap}"
              f"{' factor ' + str(c.old.factor) + ' → ' + str(c.new.factor) if c.old.factor != c.new.factor else ''}"
              f"{' flags ±' + ','.join(sorted(flags)) if flags else ''}  [{', '.join(c.rules_changed)}]")
    return 0


def _activate(args: argparse.Namespace) -> int:
    from ontology.versions import VersionRefused, activate

    try:
        report = activate(args.version, Path(args.rulesets) if args.rulesets else None)
    except VersionRefused as exc:
        print(f"refused: {exc}", file=sys.stderr)
        return 1
    print(f"activated {report.version}: {report.rules} rules, {report.examples} examples pass")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("ontology", help="check, diff and activate the ontology and expert rules",
                                   description="Experts' workflow: check a rule-set version, see its impact on "
                                               "seed merchants, activate it.")
    sub = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    check = sub.add_parser("check", help="OWL consistency (Pellet), rule syntax and references, expert examples")
    check.add_argument("version", nargs="?", help="rule-set version directory (default: the active one)")
    check.add_argument("--owl", help="ontology file (default: ontology/owl/bailing.owl)")
    check.add_argument("--no-reasoner", action="store_true", help="skip the Java reasoner (default: run it)")
    diff = sub.add_parser("diff", help="which seed merchants' rule outcomes change between two versions")
    diff.add_argument("old")
    diff.add_argument("new")
    diff.add_argument("--world", choices=("tiny", "demo"), default="tiny", help="seed world size (default: tiny)")
    diff.add_argument("--seed", type=int, default=0, help="seed world seed (default: 0)")
    act = sub.add_parser("activate", help="make a version active after it passes the full check")
    act.add_argument("version")
    for p in (check, diff, act):
        p.add_argument("--rulesets", help="rule-set versions directory (default: ontology/rulesets)")
    check.set_defaults(func=_check)
    diff.set_defaults(func=_diff)
    act.set_defaults(func=_activate)
