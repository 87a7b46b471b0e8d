"""The read-only web UI and JSON API over the event database (``eventscope serve``)."""

from .app import create_app
from .settings import SETTINGS, Settings

__all__ = ["SETTINGS", "Settings", "create_app"]
