"""URL sources: every form a collection is reachable at.

- Postman API `{api}/collections/{uid}` (header `X-Api-Key`; a `?apikey=` moves there);
- share links `https://www.postman.com/collections/{id}` (and getpostman.com);
- documenter pages `https://documenter.getpostman.com/view/{owner}/{publishedId}` and
  vendors' custom docs domains (an HTML page whose meta tags name the publishedId):
  metadata at `{docsHost}/view/metadata/{publishedId}`, then the full collection;
- any URL serving collection, metadata or documenter-collection JSON.

Base hosts come from `Hosts` (options, or `PMGEN_POSTMAN_API_URL`, `PMGEN_DOCUMENTER_URL`,
`PMGEN_POSTMAN_SHARE_URL`), so tests serve the real shapes from 127.0.0.1.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from pmgen.errors import InputError
from pmgen.importer.hosts import Hosts
from pmgen.importer.http import Fetcher
from pmgen.importer.limits import Limits
from pmgen.importer.sources import Document
from pmgen.model import Collection

Parse = Callable[[Document, Limits, Callable[[str], Collection]], Collection]

API_HOSTS = {"api.getpostman.com", "api.postman.com"}
SHARE_HOSTS = {"www.getpostman.com", "getpostman.com", "www.postman.com", "postman.com"}
DOCUMENTER_PAGE_HOSTS = {"documenter.getpostman.com"}
DOCUMENTER_API_HOSTS = {"documenter.gw.postman.com"}
_META_NAMES = {
    "ownerid",
    "publishedid",
    "collectionid",
    "versiontagid",
    "environmentuid",
}
_VIEW_PATH = re.compile(r"^/view/(?P<owner>[^/]+)/(?P<published>[^/?#]+)")


class _MetaTags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "meta":
            return
        attr = dict(attrs)
        name = (attr.get("name") or attr.get("property") or "").lower()
        if name in _META_NAMES and attr.get("content"):
            self.tags[name] = attr["content"] or ""


def _rebase(url: str, base: str) -> str:
    """Same path and query on another scheme://host[:port][/prefix]."""
    parts, target = urlsplit(url), urlsplit(base)
    return urlunsplit(
        (
            target.scheme,
            target.netloc,
            target.path.rstrip("/") + parts.path,
            parts.query,
            "",
        )
    )


def _move_api_key(url: str, api_key: str | None) -> tuple[str, str | None]:
    """`?apikey=` leaves the URL (logs, messages) and becomes the `X-Api-Key` header."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    from_url = next((v for k, v in query if k.lower() == "apikey"), None)
    kept = [(k, v) for k, v in query if k.lower() != "apikey"]
    clean = urlunsplit(
        (parts.scheme, parts.netloc, parts.path, urlencode(kept), parts.fragment)
    )
    return clean, api_key or from_url or os.environ.get("POSTMAN_API_KEY") or None


def _looks_like_html(document: Document) -> bool:
    head = document.data[:512].lstrip().lower()
    return "html" in (document.content_type or "") or head.startswith(
        (b"<!doctype", b"<html", b"<")
    )


class _RemoteLoader:
    def __init__(
        self,
        fetcher: Fetcher,
        limits: Limits,
        hosts: Hosts,
        api_key: str | None,
        parse: Parse,
    ) -> None:
        self.fetcher, self.limits, self.hosts, self.api_key = (
            fetcher,
            limits,
            hosts,
            api_key,
        )
        self.parse = parse  # `pmgen.importer.load_document`

    def fetch(self, url: str) -> Document:
        """GET a URL after mapping the public Postman hosts onto the configured ones."""
        url, key = _move_api_key(url, self.api_key)
        parts = urlsplit(url)
        host = parts.hostname or ""
        headers: dict[str, str] = {}
        if host in API_HOSTS:
            url = _rebase(url, self.hosts.api)
        elif host in SHARE_HOSTS and self.hosts.share:
            url = _rebase(url, self.hosts.share)
        elif host in DOCUMENTER_API_HOSTS:
            url = _rebase(url, self.hosts.documenter)
        elif host in DOCUMENTER_PAGE_HOSTS and (view := _VIEW_PATH.match(parts.path)):
            url = f"{self.hosts.documenter}/view/metadata/{view.group('published')}"
        if key and (
            host in API_HOSTS or urlsplit(url).netloc == urlsplit(self.hosts.api).netloc
        ):
            headers["X-Api-Key"] = key
        return self.fetcher.get(url, headers)

    def load(self, url: str) -> Collection:
        host = urlsplit(url).hostname or ""
        document = self.fetch(url)
        url = document.url or url
        if _looks_like_html(document):
            return self.load(self._metadata_url_from_page(document, host))
        collection = self.parse(document, self.limits, self.load)
        publish = collection.publish
        if (
            publish is not None
            and not publish.collection_url
            and collection.info.format != "published-metadata"
        ):
            collection = collection.model_copy(
                update={"publish": publish.model_copy(update={"collection_url": url})}
            )
        return collection.model_copy(
            update={"source": document.where, "source_sha256": document.sha256}
        )

    def _metadata_url_from_page(self, page: Document, original_host: str) -> str:
        """A documenter page (Postman's or a custom domain): meta tags name the publishedId."""
        parser = _MetaTags()
        parser.feed(page.data.decode("utf-8", "replace"))
        published = parser.tags.get("publishedid")
        if not published:
            raise InputError(
                "this is an HTML page, not a collection, and it names no published "
                "documentation (no publishedId meta tag)",
                where=page.where,
            )
        parts = urlsplit(page.url or "")
        base = (
            self.hosts.documenter
            if original_host in DOCUMENTER_PAGE_HOSTS
            else f"{parts.scheme}://{parts.netloc}"
        )
        return f"{base}/view/metadata/{published}"


def load_url(
    url: str,
    limits: Limits,
    *,
    api_key: str | None = None,
    progress: Callable[[str], None] | None = None,
    hosts: Hosts | None = None,
    parse: Parse,
) -> Collection:
    with Fetcher(limits, progress=progress) as fetcher:
        loader = _RemoteLoader(
            fetcher, limits, hosts or Hosts.from_env(), api_key, parse
        )
        return loader.load(url)


def fetch_document(
    url: str,
    limits: Limits,
    *,
    api_key: str | None = None,
    progress: Callable[[str], None] | None = None,
    hosts: Hosts | None = None,
) -> Document:
    """One document (e.g. an environment from `GET /environments/{uid}`), hosts mapped."""

    def no_parse(
        document: Document, limits: Limits, fetch: Callable[[str], Collection]
    ) -> Collection:
        raise AssertionError("fetch_document never parses collections")

    with Fetcher(limits, progress=progress) as fetcher:
        return _RemoteLoader(
            fetcher, limits, hosts or Hosts.from_env(), api_key, no_parse
        ).fetch(url)
