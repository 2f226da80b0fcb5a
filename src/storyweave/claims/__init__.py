"""Claims in reports: who said what and how sure (attribution, certainty); stance and alignment.

One import line per submodule, so each owner adds theirs without touching the others'.
"""

from storyweave.claims.align import align_claims
from storyweave.claims.attribution import find_attributions
from storyweave.claims.certainty import certainty_of
from storyweave.claims.stance import is_weakening, predict_stance

__all__ = ["align_claims", "certainty_of", "find_attributions", "is_weakening", "predict_stance"]
