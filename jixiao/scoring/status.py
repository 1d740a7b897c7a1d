"""Printed score against computed score (or band): status and difference."""

from __future__ import annotations

from decimal import Decimal

from jixiao.profiles import Profile
from jixiao.scoring.sheet import Band, Status, round_score


def step(profile: Profile) -> Decimal:
    """The smallest score difference at the profile's precision (0.01)."""
    return Decimal(1).scaleb(-profile.places)


def compare(
    printed: Decimal | None, computed: Decimal, profile: Profile
) -> tuple[Status, Decimal | None]:
    """OK when equal within the profile's tolerance; difference = printed − computed."""
    if printed is None:
        return Status.NOT_PRINTED, None
    diff = round_score(printed - computed, profile.places)
    return (Status.OK if abs(diff) <= profile.tolerance else Status.DIFFERS), diff


def compare_band(
    printed: Decimal | None, band: Band, profile: Profile
) -> tuple[Status, Decimal | None]:
    """OK inside the band; difference = printed − the nearest score inside the band.

    A printed score exactly at an excluded upper limit (80 % for 部分达成) is outside.
    """
    if printed is None:
        return Status.NOT_PRINTED, None
    if band.contains(printed):
        return Status.OK, Decimal(0)
    diff = round_score(printed - band.clamp(printed, step(profile)), profile.places)
    at_excluded_limit = not band.high_inclusive and printed >= band.high
    if not at_excluded_limit and abs(diff) <= profile.tolerance:
        return Status.OK, diff
    return Status.DIFFERS, diff
