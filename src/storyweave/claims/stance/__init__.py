"""Stance and weakening: does a headline assert, deny or merely report a claim (Emergent), and do two claims
from different outlets weaken each other (ClaimDiff)? Small linear models committed as JSON; trained and
measured by ``benchmarks/stance/`` (see MODEL.md next to the models)."""

from storyweave.claims.stance._predict import (
    STANCES,
    is_weakening,
    predict_stance,
    stance_probabilities,
    weakening_probability,
)

__all__ = ["STANCES", "is_weakening", "predict_stance", "stance_probabilities", "weakening_probability"]
