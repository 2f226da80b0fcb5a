"""Claims in reports: who said what and how sure (attribution, certainty); stance and alignment.

One import line per submodule, so each owner adds theirs without touching the others'.
"""

from storyweave.claims.attribution import find_attributions
from storyweave.claims.certainty import certainty_of

__all__ = ["certainty_of", "find_attributions"]
