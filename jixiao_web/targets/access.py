"""Who sees which target round and table: the same rules as the self-evaluation's
(:mod:`jixiao_web.evaluations.access`): a unit sees its own tables, the bureau its region's
once submitted; outsiders get 404, members whose role does not allow the action 403."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from jixiao_web.evaluations.access import Need, check_role, region_scoped, unit_scoped
from jixiao_web.targets.models import VISIBLE_TO_BUREAU, TargetDeclaration, TargetRound


def visible_declarations(user: Any) -> QuerySet[TargetDeclaration]:
    qs = TargetDeclaration.objects.select_related("round", "unit", "unit__department")
    return unit_scoped(qs, user, VISIBLE_TO_BUREAU)


def visible_target_rounds(user: Any) -> QuerySet[TargetRound]:
    return region_scoped(TargetRound.objects.all(), user)


def get_declaration(user: Any, pk: int, need: Need = Need.VIEW) -> TargetDeclaration:
    try:
        d = visible_declarations(user).get(pk=pk)
    except TargetDeclaration.DoesNotExist:
        raise Http404("没有找到这份绩效目标表。") from None
    check_role(user, need)
    return d


def get_target_round(user: Any, pk: int, need: Need = Need.VIEW) -> TargetRound:
    try:
        r = visible_target_rounds(user).get(pk=pk)
    except TargetRound.DoesNotExist:
        raise Http404("没有找到这个目标申报轮次。") from None
    check_role(user, need)
    return r
