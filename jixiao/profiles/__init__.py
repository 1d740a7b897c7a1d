"""Scoring profiles: the rules a region scores by, as TOML files a finance bureau can edit.

- :class:`Profile` — the frozen record scoring and checks read (weights, taxonomy, formulas,
  bands, grade cut-offs, tolerance);
- :func:`load_profile` — a bundled name (``cz2020-10``, ``sichuan`` …), a path, or None for
  the default; validated, errors as :class:`~jixiao.errors.ProfileError`;
- :func:`profile_names` — the bundled profiles, default first.
"""

from __future__ import annotations

from jixiao.profiles.loader import DEFAULT_NAME, bundled_path, load_profile, profile_names
from jixiao.profiles.profile import EqualAbove, Level1, Profile, ReverseFormula, category_key

__all__ = [
    "DEFAULT_NAME",
    "EqualAbove",
    "Level1",
    "Profile",
    "ReverseFormula",
    "bundled_path",
    "category_key",
    "load_profile",
    "profile_names",
]
