"""A reason (偏差原因) glued after a row's score in run-together text.

``…合格率%1298以上9810.8部分任务延后`` under a header ending in 偏差原因分析: after the
row's values comes text, and nothing but the row's arithmetic says whether it is the row's
reason or the next indicator's name. A row that lost points (得分 < 分值) owes a reason; a
row with full points seldom has one. So text left without values of its own right after a
row that lost points is that row's reason, not a further indicator; after a full-points row
it stays a name (a row cut across lines).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from jixiao.extract.vocab import Role


def _points(row: tuple[str, ...], roles: tuple[Role, ...], role: Role) -> Decimal | None:
    if role not in roles:
        return None
    at = roles.index(role) + 1  # values follow the name
    if at >= len(row) or not row[at]:
        return None
    try:
        return Decimal(row[at])
    except InvalidOperation:
        return None


def lost_points(row: tuple[str, ...], roles: tuple[Role, ...]) -> bool:
    """The row's score is below its weight (both printed)."""
    w, s = _points(row, roles, Role.WEIGHT), _points(row, roles, Role.SCORE)
    return w is not None and s is not None and s < w


def attach_reasons(
    rows: tuple[tuple[str, ...], ...], roles: tuple[Role, ...]
) -> tuple[tuple[str, ...], ...]:
    """Move a value-less text after a row that lost points into that row's reason column
    (when the header has one after every other value column)."""
    if Role.DEVIATION not in roles or roles[-1] != Role.DEVIATION:
        return rows
    out: list[tuple[str, ...]] = []
    for row in rows:
        prev = out[-1] if out else None
        if (
            len(row) == 1
            and row[0].strip()
            and prev is not None
            and len(prev) <= len(roles)  # its reason column is still empty
            and lost_points(prev, roles)
        ):
            padded = prev + ("",) * (len(roles) - len(prev))
            out[-1] = (*padded, row[0])
            continue
        out.append(row)
    return _reasons_before_names(tuple(out), roles)


def _reasons_before_names(
    rows: tuple[tuple[str, ...], ...], roles: tuple[Role, ...]
) -> tuple[tuple[str, ...], ...]:
    """``…9.6部分任务延后立项依据充分性12…``: a name that starts with a reason this text
    gives another row, right after a row that lost points, begins with that row's reason."""
    at = len(roles)  # the reason's index in a row (the name comes first)
    reasons = {r[at] for r in rows if len(r) > at and len(r[at]) >= 2}
    if not reasons:
        return rows
    out = list(rows)
    for i in range(1, len(out)):
        prev, row = out[i - 1], out[i]
        if len(prev) > at or not lost_points(prev, roles) or len(row) < 2:
            continue
        reason = max((r for r in reasons if row[0].startswith(r)), key=len, default=None)
        if reason is None or len(row[0]) - len(reason) < 2:
            continue
        padded = prev + ("",) * (at - len(prev))
        out[i - 1] = (*padded, reason)
        out[i] = (row[0][len(reason) :], *row[1:])
    return tuple(out)
