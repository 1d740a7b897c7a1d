"""The submission workflow as data: states, transitions, and who may do each.

draft → submitted → returned → resubmitted → accepted → published. A returned submission is
edited again by the unit and resubmitted; the bureau returns or accepts it again.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models

from jixiao_web.accounts.models import BUREAU_ROLES, UNIT_ROLES, Role


class Status(models.TextChoices):
    DRAFT = "draft", "填报中"
    SUBMITTED = "submitted", "已提交"
    RETURNED = "returned", "已退回"
    RESUBMITTED = "resubmitted", "已重新提交"
    ACCEPTED = "accepted", "已通过"
    PUBLISHED = "published", "已公开"


EDITABLE = frozenset({Status.DRAFT, Status.RETURNED})  # the unit may change the data
UNDER_REVIEW = frozenset({Status.SUBMITTED, Status.RESUBMITTED})  # the bureau may score/comment
VISIBLE_TO_BUREAU = frozenset(set(Status) - {Status.DRAFT})  # nobody outside sees a unit's drafts
EDITORS = UNIT_ROLES  # fill in, import, restore
REVIEWERS = BUREAU_ROLES  # review, comment, return, accept, publish


@dataclass(frozen=True)
class Transition:
    name: str
    label: str  # the button
    sources: frozenset[Status]
    target: Status
    roles: frozenset[Role]
    needs_comment: bool = False
    # refused while a 【待填写…】 mark is left anywhere in the form (JX-C016): what is handed on
    # to the bureau or the public must be written
    no_placeholders: bool = False
    # refused where the round's profile wants 佐证材料 on every full-marks indicator row
    # (``[evidence] full_marks_need_evidence``) and a row has none
    evidence_for_full_marks: bool = False


TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in (
        Transition(
            "submit",
            "提交财政局",
            frozenset({Status.DRAFT}),
            Status.SUBMITTED,
            frozenset({Role.HEAD}),
            no_placeholders=True,
            evidence_for_full_marks=True,
        ),
        Transition(
            "resubmit",
            "修改后重新提交",
            frozenset({Status.RETURNED}),
            Status.RESUBMITTED,
            frozenset({Role.HEAD}),
            no_placeholders=True,
            evidence_for_full_marks=True,
        ),
        Transition(
            "return", "退回修改", UNDER_REVIEW, Status.RETURNED, REVIEWERS, needs_comment=True
        ),
        Transition("accept", "审核通过", UNDER_REVIEW, Status.ACCEPTED, REVIEWERS),
        Transition(
            "publish",
            "公开",
            frozenset({Status.ACCEPTED}),
            Status.PUBLISHED,
            REVIEWERS,
            no_placeholders=True,
        ),
    )
}


class WorkflowError(Exception):
    """A change the workflow does not allow now (message in Chinese, shown to the user)."""


class ConflictError(WorkflowError):
    """The form was saved by someone else since it was loaded (optimistic locking)."""

    def __init__(self, message: str, current_version: int) -> None:
        super().__init__(message)
        self.current_version = current_version
