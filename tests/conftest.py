"""Settings shared by the whole suite.

Property tests (hypothesis) explore new random examples on every local run, which is how they
find bugs; in CI (``CI=true``, as ``.ci/run`` is started) they run derandomized, so that a
commit's result does not depend on the draw: a failing example found locally becomes a test of
its own.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
    settings.load_profile("ci")
