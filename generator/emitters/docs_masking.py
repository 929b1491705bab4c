"""What the docs show in place of credentials.

Docs show values (examples, defaults) so readers can see their shape; a credential
becomes its mask (`ab****yz`) unless `--reveal-secrets`. Which names and values are
credentials is decided by `pmgen.secrets`; this module applies it to each thing a
page displays, and `scrub_files` is the last pass over every generated page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from pmgen.model import Collection, Script, Variable
from pmgen.secrets import (
    SecretReport,
    is_secret_auth_field,
    is_secret_name,
    literal_part,
    mask,
    scrub,
    token_shapes,
)


class Masker:
    def __init__(self, collection: Collection, *, reveal: bool) -> None:
        self.reveal = reveal
        self.report = SecretReport.of(collection) if not reveal else None

    def _hide(self, value: str, secret: bool) -> str:
        if self.reveal:
            return value
        if secret and (literal := literal_part(value)):
            value = value.replace(literal, mask(literal))
        for _kind, found in token_shapes(value):
            value = value.replace(found, mask(found))
        return value

    def value(self, name: str, value: str | None) -> str | None:
        """A header/query/form/path value shown beside its name."""
        if value is None:
            return None
        return self._hide(value, is_secret_name(name))

    def auth_param(self, auth_type: str, name: str, value: Any) -> str:
        text = (
            value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        )
        return self._hide(text, is_secret_auth_field(auth_type, name))

    def variable(self, var: Variable) -> str | None:
        if var.value is None:
            return None
        secret = (
            var.secret
            or (var.type or "").lower() == "secret"
            or is_secret_name(var.key)
            or (self.report is not None and var.key in self.report.secret_variables)
        )
        return self._hide(var.value, secret)

    def text(self, text: str) -> str:
        """Free text (a raw body, an example body): well-known token shapes only."""
        return self._hide(text, False)

    def script(self, script: Script) -> str:
        """A script's code: token shapes masked, and so are the string literals it stores
        in secret-named variables (`pm.environment.set("api_key", "sk_...")`)."""
        code = self.text(script.exec)
        if self.reveal:
            return code
        for stored in script.sets:
            expression = stored.expression
            if (
                stored.source == "literal"
                and expression[:1] in ("'", '"')
                and is_secret_name(stored.name)
                and (literal := literal_part(expression[1:-1]))
            ):
                masked = expression.replace(literal, mask(literal))
                code = code.replace(expression, masked)
        return code

    def json_value(self, value: Any, name: str = "", depth: int = 0) -> Any:
        """A parsed JSON body with the values of secret-named keys masked."""
        if self.reveal or depth > 200:
            return value
        if isinstance(value, Mapping):
            return {k: self.json_value(v, str(k), depth + 1) for k, v in value.items()}
        if isinstance(value, list):
            return [self.json_value(v, name, depth + 1) for v in value]
        if isinstance(value, str):
            return self._hide(value, is_secret_name(name))
        return value

    def scrub_files(self, files: dict[str, str]) -> dict[str, str]:
        """Every literal secret the collection holds, masked wherever it still appears.

        Letters-only values are left out of this text-wide pass: in real collections they
        are placeholders (`Password=Password`), and masking them everywhere would garble
        prose (`Credentials`); where they sit in a secret position they are masked anyway.
        """
        if self.report is None:
            return files
        values = [v for v in self.report.values if not _WORD.fullmatch(v)]
        return scrub(files, values, min_length=6)


_WORD = re.compile(r"[A-Za-z]{1,40}")
