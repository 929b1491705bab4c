"""The machinery behind `Client` and `AsyncClient`: variables, auth, sending, retries."""

from __future__ import annotations

import copy
import email.utils
import functools
import os
import random
import time
from collections.abc import Mapping, MutableMapping
from http.cookiejar import CookieJar, DefaultCookiePolicy
from typing import TYPE_CHECKING, Any, TypeVar, overload

import httpx

from . import _config
from ._auth import make_auth
from ._exceptions import (
    APIConnectionError,
    APITimeoutError,
    TooManyRedirectsError,
    status_error,
)
from ._request import Spec, build, stored_cookies
from ._response import APIResponse, extract_all, parse
from ._types import NOT_GIVEN, NotGiven, Query, TimeoutTypes
from ._variables import resolve

if TYPE_CHECKING:  # pydantic's BaseModel costs ~30 ms to import: the models import it
    from pydantic import BaseModel

DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_RETRIES = 2
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER = 60.0
RETRY_STATUSES = frozenset({408, 409, 429})
# Postman's runner follows at most this many redirects unless the collection says
MAX_REDIRECTS = 10

_T = TypeVar("_T", bound="BaseClient")
_M = TypeVar("_M", bound="BaseModel")


def environment_variable(name: str) -> str:
    """The environment variable that holds the value of a secret collection variable."""
    return _config.SECRETS[name]


class BaseClient:
    """State shared by the sync and async clients."""

    # whether this client made its HTTP client (not given `http_client`): then requests
    # the collection sends without cookies or certificate checks get HTTP clients of
    # their own (`_session`); a given one is used as it is configured
    _owns_http = False
    _http: httpx.Client | httpx.AsyncClient

    def __init__(
        self,
        *,
        environment: str | None,
        variables: Mapping[str, str] | None,
        secrets: Mapping[str, str | None],
        base_url: str | None,
        auth: httpx.Auth | None | NotGiven,
        timeout: TimeoutTypes,
        max_retries: int,
        default_headers: Mapping[str, str] | None,
    ) -> None:
        if environment is not None and environment not in _config.ENVIRONMENTS:
            known = ", ".join(sorted(_config.ENVIRONMENTS)) or "none"
            raise ValueError(f"unknown environment {environment!r} (known: {known})")
        values: dict[str, str] = dict(_config.VARIABLES)
        if environment is not None:
            values.update(_config.ENVIRONMENTS[environment])
        for name, env_var in _config.SECRETS.items():
            explicit = secrets.get(name)
            from_env = os.environ.get(env_var)
            if explicit is not None:
                values[name] = explicit
            elif from_env is not None:
                values[name] = from_env
        values.update(variables or {})
        # the values scripts store land here too
        self.variables: MutableMapping[str, str] = values
        self.environment = environment
        self.base_url = base_url
        self.timeout = timeout
        self.max_retries = max_retries
        self.default_headers = dict(default_headers or {})
        self._auth_override = auth
        self._auth_cache: dict[str, tuple[str, httpx.Auth | None]] = {}
        # parsing a URL costs ~30 µs (as much as the rest of building a request) and an
        # httpx.URL is immutable: repeated calls share one (per client: URLs hold keys)
        self._parse_url = functools.lru_cache(maxsize=256)(httpx.URL)
        # (verify, cookies) -> the HTTP client of requests with those settings
        self._sessions: dict[tuple[bool, bool], Any] = {}

    # -- options -------------------------------------------------------------------------
    def _copy_with(
        self: _T,
        *,
        base_url: str | None | NotGiven,
        auth: httpx.Auth | None | NotGiven,
        timeout: TimeoutTypes | NotGiven,
        max_retries: int | NotGiven,
        default_headers: Mapping[str, str] | NotGiven,
    ) -> _T:
        clone = copy.copy(self)  # shares the HTTP connection pool and the variables
        clone.__dict__ = {k: v for k, v in self.__dict__.items() if k != "_resources"}
        if not isinstance(base_url, NotGiven):
            clone.base_url = base_url
        if not isinstance(auth, NotGiven):
            clone._auth_override = auth
        if not isinstance(timeout, NotGiven):
            clone.timeout = timeout
        if not isinstance(max_retries, NotGiven):
            clone.max_retries = max_retries
        if not isinstance(default_headers, NotGiven):
            clone.default_headers = {**self.default_headers, **default_headers}
        return clone

    # -- auth ----------------------------------------------------------------------------
    def _auth_for(self, spec: Spec) -> tuple[httpx.Auth | None, dict[str, Any] | None]:
        if not isinstance(self._auth_override, NotGiven):
            return self._auth_override, None
        key = spec.get("auth")
        if key is None:
            return None, None
        config = _config.AUTHS[key]
        params = {
            k: resolve(v, self.variables) if isinstance(v, str) else v
            for k, v in config["params"].items()
        }
        fingerprint = repr(sorted(params.items(), key=lambda kv: kv[0]))
        cached = self._auth_cache.get(key)
        # variables changed: new credentials
        if cached is None or cached[0] != fingerprint:
            cached = (fingerprint, make_auth(config["type"], params))
            self._auth_cache[key] = cached
        return cached[1], params

    def _prepare(
        self,
        http: httpx.Client | httpx.AsyncClient,
        spec: Spec,
        *,
        path: Mapping[str, object],
        query: Mapping[str, object],
        body: object,
        fields: Mapping[str, object],
        extra_headers: Mapping[str, str] | None,
        extra_query: Query | None,
        timeout: TimeoutTypes | NotGiven,
        with_defaults: bool = True,
    ) -> tuple[httpx.Request, httpx.Auth | None]:
        auth, auth_params = self._auth_for(spec)
        defaults = self.default_headers if with_defaults else {}
        headers = {**defaults, **(extra_headers or {})}
        request = build(
            http,
            spec,
            variables=self.variables,
            auth_params=auth_params,
            base_url=self.base_url,
            path=path,
            query=query,
            body=body,
            fields=fields,
            extra_headers=headers,
            extra_query=extra_query,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            parse_url=self._parse_url,
        )
        return request, auth

    def _after(self, spec: Spec, response: httpx.Response) -> Any:
        """Do what the request's test script did: store response values in variables;
        the body's JSON when that decoded it (else `_response.UNREAD`)."""
        values, decoded = extract_all(response, spec.get("sets", ()))
        self.variables.update(values)
        return decoded

    # -- redirects -----------------------------------------------------------------------
    @staticmethod
    def _redirect(
        sender: httpx.Client | httpx.AsyncClient,
        response: httpx.Response,
        followed: int,
    ) -> httpx.Request | None:
        """The request Postman's runner sends after `response`, as the collection's
        settings (`request.extensions["redirects"]`, from its protocolProfileBehavior)
        say; None when it stops there. Any 3xx with a Location is followed (unless the
        request or the HTTP client does not follow), at most `maxRedirects` times (then
        `TooManyRedirectsError`). 307 and 308 keep the method and body; any other 3xx
        becomes a GET without body (HEAD stays HEAD) unless `followOriginalHttpMethod`.
        To another host name, Host is recomputed and Authorization dropped (unless
        `followAuthorizationHeader`); Referer names the previous URL (unless
        `removeRefererHeaderOnRedirect`); Cookie is the request's own cookie header
        plus the cookies stored for the new URL."""
        location = response.headers.get("location")
        request = response.request
        rules: Mapping[str, Any] = request.extensions.get("redirects") or {}
        if (
            not location  # postman-request stops at an empty one too
            or not 300 <= response.status_code < 400
            or not sender.follow_redirects
            or not rules.get("follow", True)
        ):
            return None
        limit = rules.get("max", MAX_REDIRECTS)
        if followed >= limit:
            raise TooManyRedirectsError(response=response, limit=limit)
        try:
            url = request.url.join(location)
        except httpx.InvalidURL as exc:
            raise httpx.RemoteProtocolError(
                f"Invalid URL in location header: {exc}.", request=request
            ) from None
        headers = httpx.Headers(request.headers, encoding="latin-1")  # as sent
        method, stream = request.method, request.stream
        if response.status_code not in (307, 308) and not rules.get("keep_method"):
            method = method if method == "HEAD" else "GET"
            stream = httpx.ByteStream(b"")
            for name in ("content-type", "content-length", "transfer-encoding"):
                headers.pop(name, None)
        # only another host name changes Host: a port of its own keeps the first one
        if url.host != request.url.host:
            headers["Host"] = url.netloc.decode("ascii")
            if not rules.get("keep_auth"):
                headers.pop("authorization", None)
        if not rules.get("no_referer"):
            headers["Referer"] = str(request.url)
        cookies = stored_cookies(sender.cookies, url)
        if cookies:  # none stored for it: the previous Cookie header stays
            own = request.extensions.get("cookie")
            headers["Cookie"] = f"{own}; {cookies}" if own else cookies
        # the first request's exact target would send its path to every location
        extensions = {
            k: v
            for k, v in request.extensions.items()
            if k not in ("target", "explicit_headers")
        }
        return httpx.Request(
            method, url, headers=headers, stream=stream, extensions=extensions
        )

    def _session_options(self, request: httpx.Request) -> dict[str, Any] | None:
        """Options of the HTTP client a request needs when the collection turns off
        certificate checks (`strictSSL: false`) or the cookie jar (`disableCookies`) for
        it, as Postman's runner does for that request; None: this client's own."""
        wants = request.extensions.get("session")
        if wants is None or not self._owns_http:
            return None
        verify, cookies = wants
        return {
            "verify": verify,
            "follow_redirects": self._http.follow_redirects,
            # the same jar, or one that neither sends nor stores a cookie
            "cookies": (
                self._http.cookies.jar
                if cookies
                else CookieJar(DefaultCookiePolicy(allowed_domains=[]))
            ),
        }

    # -- retries -------------------------------------------------------------------------
    @staticmethod
    def _should_retry(response: httpx.Response) -> bool:
        header = response.headers.get("x-should-retry")
        if header in ("true", "false"):
            return bool(header == "true")
        return bool(
            response.status_code in RETRY_STATUSES or response.status_code >= 500
        )

    @staticmethod
    def _retry_delay(attempt: int, response: httpx.Response | None) -> float:
        """Retry-After (seconds or HTTP date) when sensible, else backoff with jitter."""
        if response is not None:
            header = response.headers.get("retry-after")
            if header:
                try:
                    delay = float(header)
                except ValueError:
                    parsed = email.utils.parsedate_to_datetime(header)
                    delay = parsed.timestamp() - time.time() if parsed else -1.0
                if 0 <= delay <= MAX_RETRY_AFTER:
                    return delay
        delay = min(INITIAL_RETRY_DELAY * 2.0**attempt, MAX_RETRY_DELAY)
        return delay * (1 - 0.25 * random.random())

    def _result(
        self,
        spec: Spec,
        response: httpx.Response,
        raw: bool,
        model: type[BaseModel] | None,
    ) -> Any:
        if response.status_code >= 400:
            raise status_error(response)
        decoded = self._after(spec, response)
        if raw:
            return APIResponse(response, model)
        return parse(response, model, decoded=decoded)


class SyncAPIClient(BaseClient):
    _http: httpx.Client

    def _session(self, request: httpx.Request) -> httpx.Client:
        options = self._session_options(request)
        if options is None:
            return self._http
        key = request.extensions["session"]
        found: httpx.Client | None = self._sessions.get(key)
        if found is None:
            found = self._sessions[key] = httpx.Client(**options)
        return found

    def _close_sessions(self) -> None:
        for session in self._sessions.values():
            session.close()

    # typed by the model: an operation with a response model returns an instance of it
    # (its `APIResponse` under `with_raw_response`, typed by `raw_response`)
    @overload
    def request(
        self,
        spec: Spec,
        *,
        path: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        body: object = NOT_GIVEN,
        fields: Mapping[str, object] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        raw: bool = False,
        model: type[_M],
    ) -> _M: ...

    @overload
    def request(
        self,
        spec: Spec,
        *,
        path: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        body: object = NOT_GIVEN,
        fields: Mapping[str, object] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        raw: bool = False,
        model: None = None,
    ) -> Any: ...

    def request(
        self,
        spec: Spec,
        *,
        path: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        body: object = NOT_GIVEN,
        fields: Mapping[str, object] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        raw: bool = False,
        model: type[BaseModel] | None = None,
    ) -> Any:
        request, auth = self._prepare(
            self._http,
            spec,
            path=path or {},
            query=query or {},
            body=body,
            fields=fields or {},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )
        response = self._send(request, auth, max_retries)
        return self._result(spec, response, raw, model)

    def _exchange(
        self, request: httpx.Request, auth: httpx.Auth | None
    ) -> httpx.Response:
        """One attempt: the request, and the redirects Postman follows (`_redirect`)."""
        sender = self._session(request)
        response = sender.send(request, auth=auth, follow_redirects=False)
        history: list[httpx.Response] = []
        try:
            while (
                following := self._redirect(sender, response, len(history))
            ) is not None:
                history.append(response)
                response = sender.send(following, auth=None, follow_redirects=False)
        except BaseException:
            response.close()
            raise
        response.history = history
        return response

    def _send(
        self,
        request: httpx.Request,
        auth: httpx.Auth | None,
        max_retries: int | NotGiven,
    ) -> httpx.Response:
        retries = self.max_retries if isinstance(max_retries, NotGiven) else max_retries
        attempt = 0
        while True:
            try:
                response = self._exchange(request, auth)
            except httpx.TimeoutException as exc:
                if attempt < retries:
                    time.sleep(self._retry_delay(attempt, None))
                    attempt += 1
                    continue
                raise APITimeoutError(request=request) from exc
            except httpx.TransportError as exc:
                if attempt < retries:
                    time.sleep(self._retry_delay(attempt, None))
                    attempt += 1
                    continue
                raise APIConnectionError(request=request) from exc
            if attempt < retries and self._should_retry(response):
                response.close()
                time.sleep(self._retry_delay(attempt, response))
                attempt += 1
                continue
            return response


async def _sleep(seconds: float) -> None:
    import asyncio  # here: importing asyncio costs ~20 ms, and only async retries wait

    await asyncio.sleep(seconds)


class AsyncAPIClient(BaseClient):
    _http: httpx.AsyncClient

    def _session(self, request: httpx.Request) -> httpx.AsyncClient:
        options = self._session_options(request)
        if options is None:
            return self._http
        key = request.extensions["session"]
        found: httpx.AsyncClient | None = self._sessions.get(key)
        if found is None:
            found = self._sessions[key] = httpx.AsyncClient(**options)
        return found

    async def _aclose_sessions(self) -> None:
        for session in self._sessions.values():
            await session.aclose()

    # typed by the model: an operation with a response model returns an instance of it
    # (its `APIResponse` under `with_raw_response`, typed by `raw_response`)
    @overload
    async def request(
        self,
        spec: Spec,
        *,
        path: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        body: object = NOT_GIVEN,
        fields: Mapping[str, object] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        raw: bool = False,
        model: type[_M],
    ) -> _M: ...

    @overload
    async def request(
        self,
        spec: Spec,
        *,
        path: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        body: object = NOT_GIVEN,
        fields: Mapping[str, object] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        raw: bool = False,
        model: None = None,
    ) -> Any: ...

    async def request(
        self,
        spec: Spec,
        *,
        path: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        body: object = NOT_GIVEN,
        fields: Mapping[str, object] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        raw: bool = False,
        model: type[BaseModel] | None = None,
    ) -> Any:
        request, auth = self._prepare(
            self._http,
            spec,
            path=path or {},
            query=query or {},
            body=body,
            fields=fields or {},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )
        response = await self._send(request, auth, max_retries)
        return self._result(spec, response, raw, model)

    async def _exchange(
        self, request: httpx.Request, auth: httpx.Auth | None
    ) -> httpx.Response:
        """One attempt: the request, and the redirects Postman follows (`_redirect`)."""
        sender = self._session(request)
        response = await sender.send(request, auth=auth, follow_redirects=False)
        history: list[httpx.Response] = []
        try:
            while (
                following := self._redirect(sender, response, len(history))
            ) is not None:
                history.append(response)
                response = await sender.send(
                    following, auth=None, follow_redirects=False
                )
        except BaseException:
            await response.aclose()
            raise
        response.history = history
        return response

    async def _send(
        self,
        request: httpx.Request,
        auth: httpx.Auth | None,
        max_retries: int | NotGiven,
    ) -> httpx.Response:
        retries = self.max_retries if isinstance(max_retries, NotGiven) else max_retries
        attempt = 0
        while True:
            try:
                response = await self._exchange(request, auth)
            except httpx.TimeoutException as exc:
                if attempt < retries:
                    await _sleep(self._retry_delay(attempt, None))
                    attempt += 1
                    continue
                raise APITimeoutError(request=request) from exc
            except httpx.TransportError as exc:
                if attempt < retries:
                    await _sleep(self._retry_delay(attempt, None))
                    attempt += 1
                    continue
                raise APIConnectionError(request=request) from exc
            if attempt < retries and self._should_retry(response):
                await response.aclose()
                await _sleep(self._retry_delay(attempt, response))
                attempt += 1
                continue
            return response
