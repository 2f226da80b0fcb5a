"""Quantities in news text, normalised: value, the range a bound or vague amount allows, and the unit.

"over one hundred thousand fighters" is 100000 (low 100000) fighters; "as much as forty-five percent" is
45 % (high 45); "hundreds of thousands" is the range 200000–999999, flagged vague. A hand-written grammar
rather than a library: the peers on PyPI parse number words but do not bound, range or rule out the
years, dates, clock times and identifiers that news text is full of, and they pull in large models.
"""

from storyweave.text.quantities._figures import stated_figures
from storyweave.text.quantities._find import find_quantities

__all__ = ["find_quantities", "stated_figures"]
