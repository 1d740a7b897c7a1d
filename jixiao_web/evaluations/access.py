"""The one access helper: who may see and act on a round or a submission.

Outsiders get 404 (they must not learn that a unit's form exists); members who may see it
but whose role does not allow the action get 403. Whether the *state* allows an action is
the workflow's business (:mod:`jixiao_web.evaluations.workflow`).
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from jixiao_web.accounts.models import Membership
from jixiao_web.evaluations.models import Round, Submission
from jixiao_web.evaluations.workflow import EDITORS, REVIEWERS, VISIBLE_TO_BUREAU, Status


class Need(Enum):
    VIEW = "view"  # read the form
    EDIT = "edit"  # a unit role: fill in, import, restore
    REVIEW = "review"  # a bureau role: score, comment, overview


def membership(user: Any) -> Membership | None:
    if not user.is_authenticated:
        return None
    return getattr(user, "membership", None)


def unit_scoped(qs: QuerySet[Any], user: Any, bureau_sees: Any) -> QuerySet[Any]:
    """A unit's forms of any stage (rows with ``unit`` and ``round__region``): a unit role
    sees its own unit's; a bureau role its region's in the states ``bureau_sees`` (never a
    unit's draft); a superuser all; anyone else nothing."""
    if user.is_superuser:
        return qs
    m = membership(user)
    if m is None:
        return qs.none()
    if m.role in EDITORS:
        return qs.filter(unit_id=m.unit_id)
    return qs.filter(round__region_id=m.region_id, status__in=bureau_sees)


def region_scoped(qs: QuerySet[Any], user: Any) -> QuerySet[Any]:
    """Rounds of any stage (rows with ``region``) of the user's region."""
    if user.is_superuser:
        return qs
    m = membership(user)
    return qs.filter(region_id=m.scope_region.pk) if m is not None else qs.none()


def visible_submissions(user: Any) -> QuerySet[Submission]:
    """Submissions the user may see: their own unit's; their region's once submitted."""
    qs = Submission.objects.select_related("round", "unit", "unit__department")
    return unit_scoped(qs, user, VISIBLE_TO_BUREAU)


def visible_rounds(user: Any) -> QuerySet[Round]:
    return region_scoped(Round.objects.all(), user)


def check_role(user: Any, need: Need) -> None:
    if need is Need.VIEW or user.is_superuser and need is Need.REVIEW:
        return
    m = membership(user)
    roles = EDITORS if need is Need.EDIT else REVIEWERS
    if m is None or m.role not in roles:
        raise PermissionDenied("您的角色不能进行此操作。")


def get_submission(
    user: Any, pk: int, need: Need = Need.VIEW, roles: frozenset[str] | None = None
) -> Submission:
    """The submission, if the user may see it (else 404) and their role allows ``need``
    and, when given, is one of ``roles`` (else 403)."""
    try:
        s = visible_submissions(user).get(pk=pk)
    except Submission.DoesNotExist:
        raise Http404("没有找到这份自评。") from None
    check_role(user, need)
    if roles is not None and not user.is_superuser:
        m = membership(user)
        if m is None or m.role not in roles:
            raise PermissionDenied("您的角色不能进行此操作。")
    return s


def get_round(user: Any, pk: int, need: Need = Need.VIEW) -> Round:
    try:
        r = visible_rounds(user).get(pk=pk)
    except Round.DoesNotExist:
        raise Http404("没有找到这个评价轮次。") from None
    check_role(user, need)
    return r


def published(region_code: str | None = None) -> QuerySet[Submission]:
    """What the public sees: published submissions only."""
    qs = Submission.objects.select_related(
        "round", "round__region", "unit", "unit__department"
    ).filter(status=Status.PUBLISHED)
    if region_code:
        qs = qs.filter(round__region__code=region_code)
    return qs


def name_matches(field: str, q: str) -> Q:
    """``field`` contains ``q``, or ``q`` is an abbreviation of it: its characters in order
    (妇联 finds 妇女联合会, 团区委 finds 共青团…区委员会)."""
    match = Q(**{f"{field}__icontains": q})
    if 2 <= len(q) <= 8 and not q.isascii():
        match |= Q(**{f"{field}__regex": ".*".join(re.escape(ch) for ch in q)})
    return match


def search(qs: QuerySet[Submission], q: str) -> QuerySet[Submission]:
    q = q.strip()
    if not q:
        return qs
    return qs.filter(
        name_matches("unit__name", q)
        | Q(unit__department__name__icontains=q)
        | Q(round__title__icontains=q)
    )
