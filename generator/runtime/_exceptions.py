"""Errors raised by the client: connection problems and status codes >= 400."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import httpx


class APIError(Exception):
    """Base of every error this client raises."""

    def __init__(self, message: str, *, request: httpx.Request) -> None:
        super().__init__(message)
        self.message = message
        self.request = request


class APIConnectionError(APIError):
    """The server could not be reached (DNS, refused connection, broken stream)."""

    def __init__(
        self, *, request: httpx.Request, message: str = "Connection error."
    ) -> None:
        super().__init__(message, request=request)


class APITimeoutError(APIConnectionError):
    def __init__(self, *, request: httpx.Request) -> None:
        super().__init__(request=request, message="Request timed out.")


class APIStatusError(APIError):
    """The server answered with a status code >= 400."""

    status_code: int
    # the test scripts' `pm.test` results (clients with scripts)
    tests: Sequence[Any] = ()
    # what their test scripts threw on this response
    script_errors: Sequence[str] = ()

    def __init__(self, message: str, *, response: httpx.Response) -> None:
        super().__init__(message, request=response.request)
        self.response = response
        self.status_code = response.status_code

    @property
    def body(self) -> object:
        """The response body: parsed JSON when it is JSON, else text."""
        try:
            return self.response.json()
        except ValueError:
            return self.response.text


class BadRequestError(APIStatusError):
    status_code = 400


class AuthenticationError(APIStatusError):
    status_code = 401


class PermissionDeniedError(APIStatusError):
    status_code = 403


class NotFoundError(APIStatusError):
    status_code = 404


class ConflictError(APIStatusError):
    status_code = 409


class UnprocessableEntityError(APIStatusError):
    status_code = 422


class RateLimitError(APIStatusError):
    status_code = 429


class InternalServerError(APIStatusError):
    """Any status code >= 500."""


class AuthConfigurationError(APIError):
    """The collection's auth type cannot be applied without more setup."""


class TooManyRedirectsError(APIError, httpx.TooManyRedirects):
    """A redirect past the request's limit (the collection's `maxRedirects`, else
    Postman's 10): Postman's runner fails the request there too. `response` is the last
    redirect received."""

    def __init__(self, *, response: httpx.Response, limit: int) -> None:
        super().__init__(
            f"Exceeded maxRedirects ({limit}). Probably stuck in a redirect loop "
            f"{response.request.url}",
            request=response.request,
        )
        self.response = response


class InvalidHeaderError(ValueError):
    """A header Postman's runner refuses to send too (Node.js's ERR_INVALID_CHAR): a
    name that is not ASCII, or a value with a character outside Latin-1 or a control
    character. Raised before anything is sent; the message names the header, not its
    value."""


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error(response: httpx.Response) -> APIStatusError:
    """The exception for a response with status >= 400."""
    cls = _BY_STATUS.get(response.status_code)
    if cls is None:
        cls = InternalServerError if response.status_code >= 500 else APIStatusError
    reason = response.reason_phrase or "error"
    message = f"{response.request.method} {response.request.url} -> {response.status_code} {reason}"
    return cls(message, response=response)
