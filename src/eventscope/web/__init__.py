"""The read-only web UI and JSON API over the event database (``eventscope serve``)."""

from ..settings import SETTINGS, Settings
from .app import create_app

__all__ = ["SETTINGS", "Settings", "create_app"]
