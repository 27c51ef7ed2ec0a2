"""A WeasyPrint URL fetcher that reads only the project's own files.

A pack travels: someone else's pack must not be able to make a build read
``file:///etc/passwd`` or call out to the network. Anything else stops the render with a
message naming the address.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from lcsi_briefs.files import lies_inside_resolved


class RefusedResourceError(FatalURLFetchingError):
    """Fatal to the render: a refused resource must never be silently left out."""


class ProjectFetcher(URLFetcher):
    """Serves ``file:`` URLs under the allowed folders and ``data:`` URLs; refuses the rest."""

    def __init__(self, allowed_roots: list[Path]) -> None:
        super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False, fail_on_errors=True)
        self.allowed_roots = [root.resolve() for root in allowed_roots]

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        parts = urlsplit(url)
        if parts.scheme == "data":
            return super().fetch(url, headers)
        if parts.scheme != "file":
            raise RefusedResourceError(f"refused to fetch {url!r}: a build never uses the network")
        path = Path(unquote(parts.path)).resolve()
        if not lies_inside_resolved(path, self.allowed_roots):
            raise RefusedResourceError(f"refused to read {url!r}: it is outside the project")
        if not path.is_file():
            raise RefusedResourceError(f"cannot find the file {url!r}")
        return URLFetcherResponse(path.as_uri(), path.read_bytes())
