"""Shared test setup."""

from __future__ import annotations

import contextlib
import sys
import warnings
from pathlib import Path

# Let the test modules import ``strategies`` whatever pytest's import mode.
sys.path.insert(0, str(Path(__file__).resolve().parent))

# When a Hypothesis test fails, its pytest plugin imports ``hypothesis.extra._patching``
# (which imports libcst, which imports mypy_extensions) to suggest a patch. With
# ``filterwarnings = error`` a DeprecationWarning raised by that import turns the test
# failure into a pytest INTERNALERROR. Import it once here, quietly, so that a failing
# property reports its falsifying example instead.
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    # libcst absent: the plugin skips the patch suggestion by itself
    with contextlib.suppress(ImportError):
        import hypothesis.extra._patching  # noqa: F401

# CI runs each property on a fixed sequence of examples, with no per-example deadline (the
# machine is shared and its timing noisy): a red CI is then a real, reproducible failure.
# Developers keep Hypothesis's random search; run `HYPOTHESIS_PROFILE=ci pytest` to match CI.
import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI") or os.environ.get("HYPOTHESIS_PROFILE") == "ci":
    settings.load_profile("ci")
