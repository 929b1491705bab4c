"""Shared helpers of the sandbox tests: a request in the collection v2.1 shape and a runner."""

from __future__ import annotations

import base64
import json
from typing import Any

from pmgen.sandbox import RunResult, Sandbox, Script, VariableScopes


def make_request(**overrides: Any) -> dict[str, Any]:
    req: dict[str, Any] = {
        "method": "POST",
        "url": {
            "raw": "{{base}}/v1/x?a=1",
            "protocol": None,
            "host": ["{{base}}"],
            "port": None,
            "path": ["v1", "x"],
            "query": [{"key": "a", "value": "1", "disabled": False}],
            "variable": [{"key": "id", "value": "7"}],
            "hash": None,
        },
        "header": [{"key": "A", "value": "b", "disabled": False}],
        "body": None,
        "auth": None,
    }
    req.update(overrides)
    return req


def make_response(
    body: Any = None, code: int = 200, status: str = "OK", headers: list | None = None
) -> dict[str, Any]:
    raw = (
        body
        if isinstance(body, bytes)
        else json.dumps(body).encode() if body is not None else b""
    )
    return {
        "code": code,
        "status": status,
        "header": (
            headers
            if headers is not None
            else [{"key": "Content-Type", "value": "application/json"}]
        ),
        "body_b64": base64.b64encode(raw).decode(),
        "responseTime": 12,
        "responseSize": len(raw),
    }


def run(
    sandbox: Sandbox,
    source: str,
    *,
    event: str = "prerequest",
    scopes: VariableScopes | None = None,
    request: dict[str, Any] | None = None,
    response: dict[str, Any] | None = None,
    level: str = "request",
    info: dict[str, Any] | None = None,
) -> RunResult:
    return sandbox.run(
        [Script(source, event, level, "Owner")],  # type: ignore[arg-type]
        request_name="Req",
        request=request if request is not None else make_request(),
        scopes=scopes if scopes is not None else VariableScopes(),
        response=response,
        info=info,
    )


def console_values(result: RunResult) -> list[str]:
    return [text for _, text in result.console]
