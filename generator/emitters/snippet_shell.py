"""The shortest curl command that sends what Postman sends.

curl already sends `Accept: */*`, uses POST when it sends a body and GET otherwise, and
takes `[ ] { }` literally unless told they form a pattern; so `--request`, `--globoff`,
an `Accept` header and a redirect limit are written only when this request needs them,
each with a comment line saying why.
"""

from __future__ import annotations

from typing import Any

from pmgen.wire import Value, WireRequest
from pmgen.wire.values import Part

_GLOB = frozenset("[]{}")


def default_accept(name: str, value: Value) -> bool:
    """`Accept: */*`: what curl, wget, requests and httpx send by themselves."""
    return name.lower() == "accept" and value == (Part("text", "*/*"),)


def needs_globoff(url: Value) -> bool:
    return any(p.kind == "text" and not _GLOB.isdisjoint(p.text) for p in url)


def curl_command(
    r: dict[str, Any], redirect_limit: int | None, *, keep_method: bool = False
) -> list[str]:
    """The comment lines, then the command's lines (continued with ` \\`)."""
    wire: WireRequest = r["wire"]
    mode = r["body"]["mode"]
    signed = r["signer"] is not None
    why: list[str] = []
    first = ["curl"]
    scripted = {name for name, secret in wire.secrets.items() if not secret.value}
    if needs_globoff(wire.url) or any(
        p.kind == "env" and p.text in scripted for p in wire.url
    ):  # (a value a script sets when the request runs may hold them too)
        why.append(
            "# --globoff: the URL's [ ] { } are sent as they are, not as a pattern"
        )
        first.append("--globoff")
    if wire.method == "HEAD":
        first.append("--head")
    elif wire.method != ("GET" if mode == "none" else "POST"):
        first.append("--request " + r["method_sh"])
    if wire.follow_redirects:
        first.append("--location")
        if keep_method and wire.method == "POST" and "--request" not in first[-1]:
            why.append("# --post30x: the collection keeps POST across redirects")
            first.append("--post301 --post302 --post303")
        if redirect_limit is not None:
            why.append("# --max-redirs: the collection's redirect limit")
            first.append(f"--max-redirs {redirect_limit}")
    if wire.timeout:
        first.append(f"--max-time {wire.timeout:g}")
    if not wire.verify_tls:
        why.append(
            "# --insecure: the collection turns TLS certificate verification off"
        )
        first.append("--insecure")
    first.append('"$url"' if signed else r["url_sh"])
    lines = [" ".join(first)]
    if signed:
        lines.append('"${auth_args[@]}"')
    else:
        lines += [
            "--header " + h["curl"]
            for h, (name, value) in zip(r["headers"], wire.headers, strict=True)
            if not default_accept(name, value)
        ]
    typed = wire.header("content-type") is not None
    if mode in ("raw", "urlencoded", "file") and not typed:
        why.append(
            "# `Content-Type:` keeps curl from adding a form type; Postman sends none"
        )
        lines.append("--header 'Content-Type:'")
    if mode in ("raw", "urlencoded"):
        lines.append("--data-raw " + ('"$body"' if signed else r["body"]["text_sh"]))
    elif mode == "file":
        lines.append("--data-binary @" + r["body"]["file_src_sh"])
    elif mode == "formdata":
        for p in r["body"]["parts"]:
            lines.append(("--form " if p["file"] else "--form-string ") + p["curl"])
    return [*why, " \\\n  ".join(lines)]
