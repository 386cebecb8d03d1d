"""The project's format rules: one definition, emitted to Python (rules.py) and TypeScript.

JSON Schema leaves `format` to each validator, and the three we run disagree (jsonschema's
email check only looks for '@'; pydantic's EmailStr rejects special-use TLDs; Zod rejects
'~'). So every format the contracts use has exactly one rule here, written as a regular
expression in the portable subset plus, for dates, the same calendar arithmetic on each side.
The templates read these constants; nothing else restates them.
"""

from __future__ import annotations

# RFC 5322 dot-atom local part (no quoted strings, no comments), '@', and a hostname of
# LDH labels whose last label is alphabetic (no IP literals, no display names).
# Length limits (local part <= 64, whole address <= 254) are checked beside the regex.
EMAIL_ATEXT = "A-Za-z0-9!#$%&'*+/=?^_`{|}~-"
EMAIL_PATTERN = (
    f"^[{EMAIL_ATEXT}]+([.][{EMAIL_ATEXT}]+)*"
    "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?[.])+[A-Za-z]{2,63}$"
)
EMAIL_MAX_LOCAL = 64
EMAIL_MAX_TOTAL = 254

# Any UUID version and variant (RFC 9562 text form, either case).
UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"

# RFC 3339 full-date; the calendar check (month length, leap years) is done beside it.
DATE_PATTERN = "^([0-9]{4})-([0-9]{2})-([0-9]{2})$"

# RFC 3339 date-time with a mandatory offset. Deliberate dialect decision: leap seconds
# (:60) are refused on every side, because neither Python's datetime nor JavaScript's Date
# can hold them and the database would silently move them to the next minute.
DATE_TIME_PATTERN = (
    "^([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})([.][0-9]+)?"
    "([Zz]|([+-])([0-9]{2}):([0-9]{2}))$"
)

FORMATS = ("email", "uuid", "date", "date-time")

# Every integer must fit the range JavaScript numbers hold exactly.
MAX_SAFE_INTEGER = 2**53 - 1

# Text the databases cannot store: PostgreSQL text refuses NUL, and UTF-8 (the only encoding
# either database is given) cannot encode a lone surrogate, which JSON's \uD800 escapes can
# carry. One contract-wide rule: every string a contract validates is refused when it holds
# either, by every party (rules.py / rules.ts `is_storable_text`, the validator's `type`).
UNSTORABLE_TEXT = "NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)"

# The largest finite double: a JSON number beyond it (1e400, or 1 followed by 400 zeros) is
# Infinity to JavaScript and a float overflow to Python, so every party refuses it as a number.
MAX_DOUBLE = 1.7976931348623157e308
