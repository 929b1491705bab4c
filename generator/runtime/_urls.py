"""URLs as Postman sends them: postman-url-encoder's percent-encode sets.

`%` is never encoded, so text that is already percent-encoded stays as it is.
"""

from __future__ import annotations

from collections.abc import Sequence

_C0 = frozenset(chr(c) for c in range(0x20)) | {"\x7f"}
PATH_SET = _C0 | frozenset(' "#<>?`{}')
SEGMENT_SET = PATH_SET | frozenset("/?#")
PARAM_SET = _C0 | frozenset(" \"#&'<>")
KEY_SET = _C0 | frozenset(" \"#&'<=>")


# ASCII text (nearly every URL) is encoded by one `str.translate`: a table per set.
_ASCII_TABLES: dict[frozenset[str], dict[int, str]] = {}


def _ascii_table(unsafe: frozenset[str]) -> dict[int, str]:
    table = _ASCII_TABLES.get(unsafe)
    if table is None:
        codes = {ord(ch) for ch in unsafe if len(ch) == 1 and ch.isascii()} | {0x7F}
        table = _ASCII_TABLES[unsafe] = {code: f"%{code:02X}" for code in codes}
    return table


def percent_encode(text: str, unsafe: frozenset[str]) -> str:
    """Encode the characters of `unsafe` and everything outside printable ASCII (UTF-8)."""
    if text.isascii():
        return text.translate(_ascii_table(unsafe))
    out = []
    for ch in text:
        if ch in unsafe or ord(ch) > 0x7E:
            out.append(
                "".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass"))
            )
        else:
            out.append(ch)
    return "".join(out)


def encode_query(pairs: Sequence[tuple[str, str | None]], encode: bool = True) -> str:
    """`k=v&flag`; a None value is a key without `=`, as Postman writes it."""
    items = []
    for key, value in pairs:
        k = percent_encode(key, KEY_SET) if encode else key
        if value is None:
            items.append(k)
        else:
            items.append(f"{k}={percent_encode(value, PARAM_SET) if encode else value}")
    return "&".join(items)


def split_origin(url: str) -> tuple[str, str]:
    """`("http://host:port", "/path")` from a resolved URL without query."""
    if "://" not in url:
        url = "http://" + url  # Postman's default protocol
    scheme, _, rest = url.partition("://")
    slash = rest.find("/")
    host, path = (rest, "") if slash < 0 else (rest[:slash], rest[slash:])
    return f"{scheme.lower()}://{host}", path or "/"
