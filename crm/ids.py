"""Record ids: UUIDv7 (RFC 9562), time-ordered so new rows land at the end of the index.

Python 3.11 has no `uuid.uuid7`. Layout: 48-bit Unix milliseconds, version 7, 12 random bits,
the RFC variant, 62 random bits. Opaque to clients, never enumerable, and unique across servers.
"""

from __future__ import annotations

import os
import time
import uuid


def new_id() -> uuid.UUID:
    millis = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")  # 80 bits, 74 used
    value = (millis & (1 << 48) - 1) << 80
    value |= 0x7 << 76  # version
    value |= (rand >> 62 & 0xFFF) << 64  # rand_a, 12 bits
    value |= 0b10 << 62  # variant
    value |= rand & (1 << 62) - 1  # rand_b
    return uuid.UUID(int=value)
