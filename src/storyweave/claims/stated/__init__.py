"""What each claim in a report carries: provenance chain, type, certainty and quantities.

``stated_claims(text, article_id)`` returns one ``StatedClaim`` per claim, in text order:

* attributed claims (the attribution tagger's contents whose cue reports speech, writing, finding or
  belief), with ``chain`` outermost voice first: an outlet the speaker addressed ("Speaking to al-Shorfa",
  "told Reuters") is the outermost link with role "outlet"; an attribution nested in another's content
  follows its host; a secondary source ("based on reports from an informant", "citing") follows the voice
  that cites it. Each link says whether the voice is anonymous and its role (see ``_voice``).
* the writer's own statements, with an empty chain.

``kind`` is "fact", "opinion" or "rhetoric" (``_kind``); ``certainty`` reads the whole chain
(``storyweave.claims.certainty.certainty_of_claim``); ``quantities`` are those of
``storyweave.text.quantities`` inside the claim. Scare quotes are never claims or sources (``_scare``).
"""

from storyweave.claims.stated._claims import stated_claims
from storyweave.claims.stated._key import stated_claims_key

__all__ = ["stated_claims", "stated_claims_key"]
