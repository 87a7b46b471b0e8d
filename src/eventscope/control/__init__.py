"""Territorial control: who held a place when, from territory events, with the evidence of each change."""

from .place import PlaceMatch, gazetteer_point, place_events, place_match
from .timeline import TERRITORY, Period, controllers_at, standing, timeline

__all__ = ["TERRITORY", "Period", "PlaceMatch", "controllers_at", "gazetteer_point", "place_events", "place_match",
           "standing", "timeline"]  # fmt: skip
