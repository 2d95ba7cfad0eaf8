"""The rule expression language: a small, safe subset of Python expressions, compiled once.

Allowed: numbers, strings, lists, names, ``+ - * / // %``, comparisons (chained too), ``and or not``,
``x if c else y``, ``item.property`` and calls to the functions of ``functions.FUNCTIONS``. Nothing else
(no imports, no attribute access other than on items, no subscripts, no lambdas) — an expression that
uses anything else is refused when the rule set is checked, with the rule id and line.

Aggregates take a fact set and, optionally, an expression evaluated per item (``item`` is the current
item; inside a nested aggregate, ``outer`` is the enclosing one): ``sum(trucks, asset_value(item))``.
"""
from __future__ import annotations

import ast
from collections.abc import Iterable
from dataclasses import dataclass
from types import CodeType

AGGREGATES = frozenset({"count", "sum", "max", "min", "avg", "any", "all", "distinct", "select"})
_ALLOWED = (ast.Expression, ast.BoolOp, ast.BinOp, ast.UnaryOp, ast.Compare, ast.IfExp, ast.Call, ast.Name,
            ast.Load, ast.Constant, ast.Attribute, ast.List, ast.Tuple, ast.And, ast.Or, ast.Not, ast.USub,
            ast.UAdd, ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Eq, ast.NotEq, ast.Lt,
            ast.LtE, ast.Gt, ast.GtE, ast.In, ast.NotIn, ast.Is, ast.IsNot, ast.keyword)


class ExpressionError(ValueError):
    """An expression the rule language does not allow; the message says what and where."""


@dataclass(frozen=True, slots=True)
class Compiled:
    source: str
    code: CodeType
    names: frozenset[str]         # free names it reads (fact sets, lets, functions)


class _ItemScopes(ast.NodeTransformer):
    """Wrap each aggregate's per-item argument in ``lambda _item<depth>:``; ``item``/``outer`` map to
    the current / enclosing depth, so nested aggregates never shadow each other."""

    def __init__(self) -> None:
        self.depth = 0

    def visit_Name(self, node: ast.Name) -> ast.AST:
        if node.id == "item":
            if self.depth == 0:
                raise ExpressionError("'item' is only defined inside an aggregate, e.g. sum(trucks, item.x)")
            return ast.copy_location(ast.Name(f"_item{self.depth}", ast.Load()), node)
        if node.id == "outer":
            if self.depth < 2:
                raise ExpressionError("'outer' is only defined inside a nested aggregate")
            return ast.copy_location(ast.Name(f"_item{self.depth - 1}", ast.Load()), node)
        return node

    def visit_Call(self, node: ast.Call) -> ast.AST:
        name = node.func.id if isinstance(node.func, ast.Name) else None
        node.func = self.visit(node.func)
        if name in AGGREGATES and len(node.args) >= 2:
            node.args[0] = self.visit(node.args[0])
            self.depth += 1
            body = self.visit(node.args[1])
            param = ast.arguments(posonlyargs=[], args=[ast.arg(f"_item{self.depth}")], kwonlyargs=[],
                                  kw_defaults=[], defaults=[])
            self.depth -= 1
            node.args[1] = ast.copy_location(ast.Lambda(param, body), node.args[1])
            node.args[2:] = [self.visit(a) for a in node.args[2:]]
            return node
        node.args = [self.visit(a) for a in node.args]
        return node


def compile_expression(source: object, known: Iterable[str], functions: Iterable[str]) -> Compiled:
    """Check ``source`` against the allowed syntax and names; return the compiled code."""
    if isinstance(source, bool) or isinstance(source, (int, float)):
        source = repr(source)
    if not isinstance(source, str) or not source.strip():
        raise ExpressionError(f"expected an expression, got {source!r}")
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except SyntaxError as exc:
        raise ExpressionError(f"syntax error in {source!r}: {exc.msg}") from None
    functions, known = frozenset(functions), frozenset(known)
    names: set[str] = set()
    for node in ast.walk(tree):
        if not isinstance(node, _ALLOWED):
            raise ExpressionError(f"{type(node).__name__} is not allowed in rule expressions: {source!r}")
        if isinstance(node, ast.Call):
            if not isinstance(node.func, ast.Name) or node.func.id not in functions:
                called = node.func.id if isinstance(node.func, ast.Name) else ast.unparse(node.func)
                raise ExpressionError(f"unknown function {called!r} in {source!r}; known: {', '.join(sorted(functions))}")
        elif isinstance(node, ast.Attribute):
            if not (isinstance(node.value, ast.Name) and node.value.id in ("item", "outer")):
                raise ExpressionError(f"only item.<property> may use '.', not {ast.unparse(node)!r}")
        elif isinstance(node, ast.Name) and node.id not in ("item", "outer", "True", "False", "None"):
            if node.id not in known and node.id not in functions:
                raise ExpressionError(f"unknown name {node.id!r} in {source!r}")
            names.add(node.id)
    tree = ast.fix_missing_locations(_ItemScopes().visit(tree))
    return Compiled(source, compile(tree, "<rule>", "eval"), frozenset(names))
