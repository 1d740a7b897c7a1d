"""Compute simple spreadsheet formulas when a file has no cached values.

Files written by a library (openpyxl, some export tools) and never opened in Excel carry
formulas without the values Excel would have stored. The common ones in a self-evaluation
form are computed here exactly, in Decimal: cell references (also on other sheets), ranges,
``+ - * / ^``, unary minus, ``%``, and SUM, AVERAGE, MIN, MAX, ABS, ROUND, IFERROR.
Anything else raises :class:`Unsupported`; the reader then leaves the cell empty and says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, DivisionByZero, InvalidOperation
from typing import cast

from openpyxl.utils.cell import column_index_from_string

Value = Decimal | str | None
Lookup = Callable[[str, int, int], Value]  # (sheet, row, col) → value of that cell


class Unsupported(Exception):
    """A formula this evaluator does not compute."""


class FormulaError(Exception):
    """An Excel error value such as #DIV/0!."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


_TOKEN = re.compile(
    r"""\s*(?:
    (?P<ref>(?:(?:'(?P<qs>(?:[^']|'')+)'|(?P<s>[^\s!:()'",+\-*/^&=<>%]+))!)?
        \$?(?P<c1>[A-Za-z]{1,3})\$?(?P<r1>\d+)(?::\$?(?P<c2>[A-Za-z]{1,3})\$?(?P<r2>\d+))?)
    |(?P<num>\d+(?:\.\d*)?(?:[Ee][+-]?\d+)?|\.\d+)
    |(?P<func>[A-Za-z][A-Za-z0-9.]*)\s*\(
    |(?P<op>[-+*/^%(),])
    )""",
    re.X,
)

_FUNCTIONS = {"SUM", "AVERAGE", "MIN", "MAX", "ABS", "ROUND", "IFERROR"}


class _Range:
    def __init__(self, sheet: str, r1: int, c1: int, r2: int, c2: int) -> None:
        self.sheet, self.r1, self.c1 = sheet, min(r1, r2), min(c1, c2)
        self.r2, self.c2 = max(r1, r2), max(c1, c2)

    def cells(self) -> list[tuple[int, int]]:
        if (self.r2 - self.r1 + 1) * (self.c2 - self.c1 + 1) > 100_000:
            raise Unsupported("range too large")
        return [(r, c) for r in range(self.r1, self.r2 + 1) for c in range(self.c1, self.c2 + 1)]


def evaluate(formula: str, sheet: str, lookup: Lookup) -> Decimal:
    """Value of ``=formula`` on ``sheet``; raises Unsupported or FormulaError."""
    text = formula[1:] if formula.startswith("=") else formula
    tokens = _tokenize(text)
    parser = _Parser(tokens, sheet, lookup)
    result = parser.expression()
    if parser.pos != len(tokens):
        raise Unsupported(formula)
    return _number(result, lookup)


def _tokenize(text: str) -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = []
    pos = 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise Unsupported(text)
        pos = m.end()
        if m.group("ref"):
            sheet = m.group("qs").replace("''", "'") if m.group("qs") else m.group("s")
            c1, r1 = column_index_from_string(m.group("c1").upper()), int(m.group("r1"))
            if m.group("c2"):
                c2, r2 = column_index_from_string(m.group("c2").upper()), int(m.group("r2"))
            else:
                c2, r2 = c1, r1
            out.append(("ref", (sheet, r1, c1, r2, c2)))
        elif m.group("num"):
            out.append(("num", Decimal(m.group("num"))))
        elif m.group("func"):
            out.append(("func", m.group("func").upper()))
        else:
            out.append(("op", m.group("op")))
    return out


class _Parser:
    def __init__(self, tokens: list[tuple[str, object]], sheet: str, lookup: Lookup) -> None:
        self.tokens, self.pos, self.sheet, self.lookup = tokens, 0, sheet, lookup

    def _peek(self) -> tuple[str, object] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def _take_op(self, *ops: str) -> str | None:
        tok = self._peek()
        if tok and tok[0] == "op" and tok[1] in ops:
            self.pos += 1
            return str(tok[1])
        return None

    def expression(self) -> object:
        left = self.term()
        while (op := self._take_op("+", "-")) is not None:
            right = self.term()
            a, b = _number(left, self.lookup), _number(right, self.lookup)
            left = a + b if op == "+" else a - b
        return left

    def term(self) -> object:
        left = self.power()
        while (op := self._take_op("*", "/")) is not None:
            right = self.power()
            a, b = _number(left, self.lookup), _number(right, self.lookup)
            if op == "*":
                left = a * b
            else:
                if b == 0:
                    raise FormulaError("#DIV/0!")
                left = a / b
        return left

    def power(self) -> object:
        left = self.unary()
        while self._take_op("^") is not None:
            right = self.unary()
            try:
                left = _number(left, self.lookup) ** _number(right, self.lookup)
            except (InvalidOperation, DivisionByZero) as exc:
                raise FormulaError("#NUM!") from exc
        return left

    def unary(self) -> object:
        if self._take_op("-") is not None:
            return -_number(self.unary(), self.lookup)
        if self._take_op("+") is not None:
            return _number(self.unary(), self.lookup)
        value = self.primary()
        while self._take_op("%") is not None:
            value = _number(value, self.lookup) / 100
        return value

    def primary(self) -> object:
        tok = self._peek()
        if tok is None:
            raise Unsupported("unexpected end")
        self.pos += 1
        kind, value = tok
        if kind == "num":
            return value
        if kind == "ref":
            ref = cast(tuple[str | None, int, int, int, int], value)
            return _Range(ref[0] or self.sheet, ref[1], ref[2], ref[3], ref[4])
        if kind == "op" and value == "(":
            inner = self.expression()
            if self._take_op(")") is None:
                raise Unsupported("missing )")
            return inner
        if kind == "func":
            return self.call(str(value))
        raise Unsupported(str(value))

    def call(self, name: str) -> object:
        if name not in _FUNCTIONS:
            raise Unsupported(name)
        if name == "IFERROR":
            start = self.pos
            try:
                value = _number(self.expression(), self.lookup)
                if self._take_op(",") is None:
                    raise Unsupported("IFERROR")
                self._skip_argument()
            except FormulaError:
                self.pos = start
                self._skip_argument()
                if self._take_op(",") is None:
                    raise Unsupported("IFERROR") from None
                value = _number(self.expression(), self.lookup)
            if self._take_op(")") is None:
                raise Unsupported("missing )")
            return value
        args: list[object] = []
        if self._take_op(")") is None:
            while True:
                args.append(self.expression())
                if self._take_op(")") is not None:
                    break
                if self._take_op(",") is None:
                    raise Unsupported("bad arguments")
        if name in ("ABS", "ROUND"):
            if name == "ABS" and len(args) == 1:
                return abs(_number(args[0], self.lookup))
            if name == "ROUND" and len(args) == 2:
                places = int(_number(args[1], self.lookup))
                return _number(args[0], self.lookup).quantize(
                    Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP
                )
            raise Unsupported(name)
        numbers = self._collect(args)
        if name == "SUM":
            return sum(numbers, Decimal(0))
        if not numbers:
            if name == "AVERAGE":
                raise FormulaError("#DIV/0!")
            return Decimal(0)
        if name == "AVERAGE":
            return sum(numbers, Decimal(0)) / len(numbers)
        return min(numbers) if name == "MIN" else max(numbers)

    def _skip_argument(self) -> None:
        depth = 0
        while (tok := self._peek()) is not None:
            if tok[0] == "func" or tok == ("op", "("):
                depth += 1
            elif tok == ("op", ")"):
                if depth == 0:
                    return
                depth -= 1
            elif tok == ("op", ",") and depth == 0:
                return
            self.pos += 1

    def _collect(self, args: list[object]) -> list[Decimal]:
        out: list[Decimal] = []
        for arg in args:
            if isinstance(arg, _Range):
                for r, c in arg.cells():
                    v = self.lookup(arg.sheet, r, c)
                    if isinstance(v, Decimal):  # SUM ignores text and empty cells
                        out.append(v)
            else:
                out.append(_number(arg, self.lookup))
        return out


def _number(value: object, lookup: Lookup) -> Decimal:
    if isinstance(value, _Range):
        if (value.r1, value.c1) != (value.r2, value.c2):
            raise Unsupported("range used as a number")
        value = lookup(value.sheet, value.r1, value.c1)
    if value is None or value == "":
        return Decimal(0)
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str):
        if value.startswith("#"):
            raise FormulaError(value)
        try:
            return Decimal(value.strip().replace(",", ""))
        except InvalidOperation as exc:
            raise FormulaError("#VALUE!") from exc
    raise Unsupported(repr(value))
