"""Territorial control: who held a place when, from territory events, with the evidence of each change."""

from .place import (
    PlaceControl,
    PlaceMatch,
    control_periods,
    control_places,
    gazetteer_point,
    place_events,
    place_match,
)  # fmt: skip
from .timeline import TERRITORY, Period, controllers_at, period_json, standing, timeline

__all__ = ["TERRITORY", "Period", "PlaceControl", "PlaceMatch", "control_periods", "control_places", "controllers_at",
           "gazetteer_point", "period_json", "place_events", "place_match", "standing", "timeline"]  # fmt: skip
