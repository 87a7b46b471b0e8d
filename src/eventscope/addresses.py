"""Which argument is an address (a URL) and which a local path: one test, for inputs and database files.

Only ``ingest`` and ``watch`` fetch, and only http(s); any other URL where a path is expected (``file://``,
``ftp://``, a URL given to ``extract`` or as ``--db``) is refused with a coded line (by the
readers, or by ``Store`` for ``--db``).
"""

from __future__ import annotations

import os
import re
from urllib.parse import unquote, urlsplit

FETCHED = ("http", "https")  # the schemes fetched (by ingest and watch)
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]{0,30})://")


def url_scheme(arg: str) -> str | None:
    """The scheme, in lower case, of an argument written as a URL; None for a path (a file or folder that exists
    under the name, however odd, is a path)."""
    match = _SCHEME.match(arg)
    if match is None or os.path.exists(arg):
        return None
    return match.group(1).lower()


def is_fetched(arg: str) -> bool:
    """An http(s) URL: ingest and watch fetch it."""
    return url_scheme(arg) in FETCHED


def not_a_path(arg: str, why: str = "only ingest and watch fetch, and only http(s)") -> str | None:
    """Why a URL cannot be read where a file path is expected (for a ``file://`` URL, the path to give
    instead), None for a path."""
    scheme = url_scheme(arg)
    if scheme is None:
        return None
    if scheme != "file":
        return f"a URL ({scheme}://): {why}"
    parts = urlsplit(arg)
    if parts.netloc not in ("", "localhost"):
        return f"a file URL of another host ({parts.netloc})"
    return f"a file URL: give the path {unquote(parts.path)}"
