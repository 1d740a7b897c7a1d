"""Who sees which target round and table: the same rules as the self-evaluation's
(:mod:`jixiao_web.evaluations.access`): a unit sees its own tables, the bureau its region's
once submitted; outsiders get 404, members whose role does not allow the action 403."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from jixiao_web.evaluations.access import Need, membership
from jixiao_web.evaluations.workflow import EDITORS, REVIEWERS
from jixiao_web.targets.models import VISIBLE_TO_BUREAU, TargetDeclaration, TargetRound


def visible_declarations(user: Any) -> QuerySet[TargetDeclaration]:
    qs = TargetDeclaration.objects.select_related("round", "unit", "unit__department")
    if user.is_superuser:
        return qs
    m = membership(user)
    if m is None:
        return qs.none()
    if m.role in EDITORS:
        return qs.filter(unit_id=m.unit_id)
    return qs.filter(round__region_id=m.region_id, status__in=VISIBLE_TO_BUREAU)


def visible_target_rounds(user: Any) -> QuerySet[TargetRound]:
    if user.is_superuser:
        return TargetRound.objects.all()
    m = membership(user)
    if m is None:
        return TargetRound.objects.none()
    return TargetRound.objects.filter(region_id=m.scope_region.pk)


def _check_role(user: Any, need: Need) -> None:
    if need is Need.VIEW or (user.is_superuser and need is Need.REVIEW):
        return
    m = membership(user)
    if m is None or m.role not in (EDITORS if need is Need.EDIT else REVIEWERS):
        raise PermissionDenied("您的角色不能进行此操作。")


def get_declaration(user: Any, pk: int, need: Need = Need.VIEW) -> TargetDeclaration:
    try:
        d = visible_declarations(user).get(pk=pk)
    except TargetDeclaration.DoesNotExist:
        raise Http404("没有找到这份绩效目标表。") from None
    _check_role(user, need)
    return d


def get_target_round(user: Any, pk: int, need: Need = Need.VIEW) -> TargetRound:
    try:
        r = visible_target_rounds(user).get(pk=pk)
    except TargetRound.DoesNotExist:
        raise Http404("没有找到这个目标申报轮次。") from None
    _check_role(user, need)
    return r
