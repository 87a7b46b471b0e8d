"""places: gazetteer build + look-up, toponym recognition and resolution.

    gaz = Gazetteer.default()
    places = find_places(doc, article, gaz)
"""

from .clause import article_country, event_place, main_place
from .dumps import build_gazetteer
from .find import find_places
from .gazetteer import Candidate, Gazetteer

__all__ = ["Candidate", "Gazetteer", "article_country", "build_gazetteer", "event_place", "find_places",
           "main_place"]
