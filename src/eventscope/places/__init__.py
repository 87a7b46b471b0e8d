"""places: gazetteer build + look-up, toponym recognition and resolution.

    gaz = Gazetteer.default()
    places = find_places(doc, article, gaz)
"""

from ._build import build_gazetteer
from .gazetteer import Candidate, Gazetteer
from .pipeline import find_places

__all__ = ["Candidate", "Gazetteer", "build_gazetteer", "find_places"]
