"""Request URLs: string or object form, split like Postman's SDK, with path parameters."""

from __future__ import annotations

import re
from typing import Any

from pmgen.importer.fields import description, key_values, optional_text, text
from pmgen.model import KeyValue, PathParam, Url

# `{{vars}}` holding URL delimiters are masked while splitting, as Postman's parser does.
_VAR_WITH_DELIMS = re.compile(r"\{\{[^{}]*[.:/?#@&\]][^{}]*\}\}")
_PROTOCOL = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*|\{\{[^{}]+\}\})://")
_PORT = re.compile(r"^(.*):(\d+|\{\{[^{}]+\}\})$")
_WHOLE_VARIABLE = re.compile(r"^\{\{([^{}]+)\}\}$")


def _mask(raw: str) -> tuple[str, list[str]]:
    found: list[str] = []

    def hide(match: re.Match[str]) -> str:
        found.append(match.group(0))
        return f"\x00{len(found) - 1}\x00"

    return _VAR_WITH_DELIMS.sub(hide, raw), found


def _unmask(value: str, found: list[str]) -> str:
    return (
        re.sub(r"\x00(\d+)\x00", lambda m: found[int(m.group(1))], value)
        if found
        else value
    )


def parse_query(query: str) -> list[KeyValue]:
    params = []
    for part in query.split("&"):
        if part == "":
            continue
        key, sep, value = part.partition("=")
        params.append(KeyValue(key=key, value=value if sep else None))
    return params


def parse_raw(raw: str) -> Url:
    """Split a URL string the way Postman does (no percent-decoding: text stays as written)."""
    masked, found = _mask(raw.strip())
    rest, hash_ = masked, None
    if "#" in rest:
        rest, hash_ = rest.split("#", 1)
    query: list[KeyValue] = []
    if "?" in rest:
        rest, query_text = rest.split("?", 1)
        query = [
            KeyValue(
                key=_unmask(q.key, found),
                value=None if q.value is None else _unmask(q.value, found),
            )
            for q in parse_query(query_text)
        ]
    protocol = None
    match = _PROTOCOL.match(rest)
    if match:
        protocol, rest = match.group(1), rest[match.end() :]
    rest = rest.replace("\\", "/")
    host_part, slash, path_part = rest.partition("/")
    if (
        "@" in host_part
    ):  # user:password@host: Postman keeps it in `auth`; we keep the host
        host_part = host_part.rsplit("@", 1)[1]
    port = None
    port_match = _PORT.match(host_part)
    if port_match:
        host_part, port = port_match.group(1), port_match.group(2)
    host = [_unmask(h, found) for h in host_part.split(".")] if host_part else None
    path = [_unmask(p, found) for p in path_part.split("/")] if slash else []
    return Url(
        raw=raw,
        protocol=_unmask(protocol, found) if protocol else None,
        host=host,
        port=_unmask(port, found) if port else None,
        path=path,
        query=query,
        hash=_unmask(hash_, found) if hash_ is not None else None,
    )


def _segments(value: Any, sep: str) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = value.split(sep)
        if sep == "/" and value and value[0] == "":
            value = value[1:]
        return value
    if isinstance(value, list):
        out = []
        for seg in value:
            if isinstance(seg, dict):  # `{type: "string", value: "users"}`
                out.append(text(seg.get("value")))
            else:
                out.append(text(seg))
        return out
    return [text(value)]


def _path_params(path: list[str], variables: list[KeyValue]) -> list[PathParam]:
    by_name = {v.key: v for v in variables}
    params = []
    for index, segment in enumerate(path):
        if segment.startswith(":") and len(segment) > 1:
            name = segment[1:]
            var = by_name.get(name)
            params.append(
                PathParam(
                    name=name,
                    kind="colon",
                    segment_index=index,
                    value=var.value if var else None,
                    description=var.description if var else "",
                )
            )
        elif (match := _WHOLE_VARIABLE.match(segment)) and not match.group(
            1
        ).startswith("$"):
            params.append(
                PathParam(name=match.group(1), kind="variable", segment_index=index)
            )
        elif len(segment) > 2 and segment.startswith("<") and segment.endswith(">"):
            params.append(
                PathParam(name=segment[1:-1], kind="placeholder", segment_index=index)
            )
    return params


def _url_variables(raw: Any) -> list[KeyValue]:
    if not isinstance(raw, list):
        return []
    result = []
    for entry in raw:
        if isinstance(entry, dict):
            key = entry.get("key", entry.get("id"))
            if key is None:
                continue
            result.append(
                KeyValue(
                    key=text(key),
                    value=optional_text(entry.get("value")),
                    description=description(entry.get("description")),
                    disabled=entry.get("disabled") is True,
                )
            )
    return result


def unparse(url: Url) -> str:
    """A URL string from parts, the way Postman's `Url.toString()` builds it (enabled query
    parameters only), for URL objects written without `raw`."""
    text_ = f"{url.protocol}://" if url.protocol else ""
    text_ += ".".join(url.host or [])
    text_ += f":{url.port}" if url.port else ""
    text_ += "/" + "/".join(url.path) if url.path else ""
    query = [
        q.key if q.value is None else f"{q.key}={q.value}"
        for q in url.query
        if not q.disabled
    ]
    text_ += "?" + "&".join(query) if query else ""
    text_ += f"#{url.hash}" if url.hash else ""
    return text_


def parse_url(value: Any) -> Url:
    """`url` as a string or an object (host/path as string or list, segments as objects)."""
    if isinstance(value, str):
        url = parse_raw(value)
        return url.model_copy(update={"path_params": _path_params(url.path, [])})
    if not isinstance(value, dict):
        return Url()
    raw = text(value.get("raw"))
    has_parts = any(k in value for k in ("host", "path", "protocol"))
    base = parse_raw(raw) if raw and not has_parts else None
    if base is None:
        query_raw = value.get("query")
        base = Url(
            raw=raw,
            protocol=optional_text(value.get("protocol")),
            host=_segments(value.get("host"), "."),
            port=optional_text(value.get("port")),
            path=_segments(value.get("path"), "/") or [],
            query=key_values(query_raw) if isinstance(query_raw, list) else [],
            hash=optional_text(value.get("hash")),
        )
    variables = _url_variables(value.get("variable"))
    return base.model_copy(
        update={
            "raw": base.raw or unparse(base),
            "variables": variables,
            "path_params": _path_params(base.path, variables),
        }
    )
