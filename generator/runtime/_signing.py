"""Stand-in for a generated package's `_signing.py` (never copied): packages get
`pmgen.wire.signing` itself, copied as it is (one implementation of Postman's signatures).
"""

from pmgen.wire.signing import SIGNERS

__all__ = ["SIGNERS"]
