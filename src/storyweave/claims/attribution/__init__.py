"""Attribution relations: who (source) said (cue) what (content), with how sure (certainty).

Trained on PolNeAR (political news); see ``benchmarks/attribution/`` for the training script, the
model card and the benchmark.
"""

from storyweave.claims.attribution._extract import find_attributions

__all__ = ["find_attributions"]
