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


def _ipv6() -> str:
    """RFC 3986's IPv6address (section 3.2.2): up to eight hex groups, one '::', an IPv4 tail.

    Unanchored: `ipv6` anchors it, the URI rules put it inside an IP-literal's brackets."""
    h16 = "[0-9A-Fa-f]{1,4}"
    ls32 = f"({h16}:{h16}|{IPV4})"

    def before(n: int) -> str:  # [ *n( h16 ":" ) h16 ]
        return f"(({h16}:){{0,{n}}}{h16})?" if n else f"({h16})?"

    forms = [
        f"({h16}:){{6}}{ls32}",
        f"::({h16}:){{5}}{ls32}",
        f"{before(0)}::({h16}:){{4}}{ls32}",
        f"{before(1)}::({h16}:){{3}}{ls32}",
        f"{before(2)}::({h16}:){{2}}{ls32}",
        f"{before(3)}::{h16}:{ls32}",
        f"{before(4)}::{ls32}",
        f"{before(5)}::{h16}",
        f"{before(6)}::",
    ]
    return "(" + "|".join(f"({f})" for f in forms) + ")"


# Formats whose whole rule is a regular expression of the portable subset (the same text in
# Python `re` and JavaScript `u` mode) and, for ASCII-only ones, a length cap (where len() and
# .length agree). Each is its standard's grammar written out, and agrees with the official
# suite's optional/format file (tests/conformance), with one dialect decision applied alike by
# every party: `time` has no leap second (as date-time). IPv4 has no leading zeros (RFC 3986's
# dec-octet). `hostname`, `idn-hostname` and `idn-email` have no rule: a regular expression
# cannot decode A-labels nor apply IDNA's context rules, so the lint refuses them.
DEC_OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])"
IPV4 = f"({DEC_OCTET}[.]){{3}}{DEC_OCTET}"
IPV6 = _ipv6()
# RFC 3987 ucschar and iprivate, written as literal characters: both engines read a class of
# code points in `u` mode.
UCSCHAR = "\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef\U00010000-\U0001fffd"
IPRIVATE = "\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd"
PCT = "%[0-9A-Fa-f]{2}"
# RFC 6570: literal characters (with the apostrophe, RFC 6570 erratum 6937, as the suite reads
# it), and expressions of an operator and variables with modifiers.
VARCHAR = f"([A-Za-z0-9_]|{PCT})"
VARSPEC = f"{VARCHAR}([.]?{VARCHAR})*(:[1-9][0-9]{{0,3}}|\\*)?"
URI_TEMPLATE_EXPRESSION = f"\\{{[+#./;?&=,!@|]?{VARSPEC}(,{VARSPEC})*\\}}"
URI_TEMPLATE_LITERAL = f"[{UCSCHAR}{IPRIVATE}!#$&-;=?-\\[\\]_a-z~]|{PCT}"
SCHEME = "[A-Za-z][A-Za-z0-9+.-]*"
SUB_DELIMS = "!$&'()*+,;="


def _uri(iri: bool, reference: bool) -> str:
    """RFC 3986 appendix A's URI / URI-reference, or RFC 3987's IRI / IRI-reference."""
    unreserved = f"A-Za-z0-9._~{UCSCHAR if iri else ''}"  # and '-', last in each class
    pchar = f"([{unreserved}{SUB_DELIMS}:@-]|{PCT})"
    ip_future = f"[vV][0-9A-Fa-f]+[.][A-Za-z0-9._~{SUB_DELIMS}:-]+"
    # host = IP-literal / IPv4address / reg-name; every IPv4address is also a reg-name.
    host = f"(\\[({IPV6}|{ip_future})\\]|([{unreserved}{SUB_DELIMS}-]|{PCT})*)"
    authority = f"(([{unreserved}{SUB_DELIMS}:-]|{PCT})*@)?{host}(:[0-9]*)?"
    segments = f"(/{pchar}*)*"
    net_or_absolute = f"//{authority}{segments}|/({pchar}+{segments})?"
    query = f"([{unreserved}{SUB_DELIMS}:@/?{IPRIVATE if iri else ''}-]|{PCT})*"
    fragment = f"([{unreserved}{SUB_DELIMS}:@/?-]|{PCT})*"
    tail = f"([?]{query})?(#{fragment})?"
    absolute = f"{SCHEME}:({net_or_absolute}|{pchar}+{segments})?{tail}"
    if not reference:
        return f"^{absolute}$"
    no_colon = f"([{unreserved}{SUB_DELIMS}@-]|{PCT})"
    relative = f"({net_or_absolute}|{no_colon}+{segments})?{tail}"
    return f"^(({absolute})|({relative}))$"


JSON_POINTER = "(/([^~/]|~[01])*)*"
DURATION_TIME = "T([0-9]+H([0-9]+M([0-9]+S)?)?|[0-9]+M([0-9]+S)?|[0-9]+S)"
DURATION_DATE = "([0-9]+Y([0-9]+M([0-9]+D)?)?|[0-9]+M([0-9]+D)?|[0-9]+D)"
PATTERN_FORMATS: dict[str, tuple[str, int | None]] = {
    "ipv4": (f"^{IPV4}$", None),
    "ipv6": (f"^{IPV6}$", None),
    "time": (
        "^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]+)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$",
        None,
    ),
    "duration": (f"^P({DURATION_DATE}({DURATION_TIME})?|{DURATION_TIME}|[0-9]+W)$", None),
    "uri": (_uri(iri=False, reference=False), None),
    "uri-reference": (_uri(iri=False, reference=True), None),
    "iri": (_uri(iri=True, reference=False), None),
    "iri-reference": (_uri(iri=True, reference=True), None),
    "uri-template": (f"^({URI_TEMPLATE_LITERAL}|{URI_TEMPLATE_EXPRESSION})*$", None),
    "json-pointer": (f"^{JSON_POINTER}$", None),
    "relative-json-pointer": (f"^(0|[1-9][0-9]*)(#|{JSON_POINTER})$", None),
}

FORMATS = ("email", "uuid", "date", "date-time", *PATTERN_FORMATS)

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
