"""Spreadsheet values → text as Excel/WPS print them, by the cell's number format.

Numbers are converted with ``Decimal(repr(float))`` and rounded (half away from zero, as
Excel does) to the decimals of the format, so ``1.0687`` in a ``0.00%`` cell reads
``106.87%`` and ``204.67`` in a ``#,##0.00`` cell reads ``204.67`` — never float noise.
General numbers are cut to Excel's 15 significant digits. Supported: General (also the
Chinese ``G/通用格式``), ``0``, ``0.00``, ``#,##0.00``, percentages, literal prefixes and
suffixes (``¥``, ``"元"``), up to four ``;`` sections, bracketed colours/locales/conditions,
and date/time formats. Anything else (fractions, scientific) falls back to General.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

_BRACKET = re.compile(r"\[[^\]]*\]")
_CURRENCY = re.compile(r"\[\$([^\]-]*)(?:-[0-9A-Fa-f]+)?\]")
_GENERAL = {"general", "g/通用格式", "@", ""}
_QUOTED = re.compile(r'"[^"]*"|\\.')
_GENERAL_WORD = re.compile(r"general|g/通用格式", re.I)
_DATE_TOKEN = re.compile(r"yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am/pm|a/p", re.I)


def format_value(value: object, number_format: str | None) -> str:
    """The text a spreadsheet shows for ``value`` under ``number_format``."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return format_date(value, number_format or "")
    if isinstance(value, int | float | Decimal):
        return format_number(to_decimal(value), number_format or "General")
    return str(value)


def to_decimal(value: int | float | Decimal) -> Decimal:
    """Exact decimal of a spreadsheet number, without binary float noise."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    try:
        return Decimal(repr(value))
    except InvalidOperation:
        return Decimal(0)


def format_number(value: Decimal, number_format: str) -> str:
    sections = _split_sections(number_format)
    if not value.is_finite():
        return str(value)
    if len(sections) >= 3 and value == 0:
        section, negative_in_section = sections[2], True
    elif len(sections) >= 2 and value < 0:
        section, negative_in_section = sections[1], True
        value = -value
    else:
        section, negative_in_section = sections[0], False
    if len(sections) > 1 and section == "":
        return ""  # an empty section shows nothing: 0;-0;;@ hides zeros, ;;; everything
    currency = _CURRENCY.search(section)
    if currency:
        section = _CURRENCY.sub(lambda m: '"' + m.group(1) + '"', section)
    section = _BRACKET.sub("", section)
    if section.strip().lower() in _GENERAL:
        text = general(value)
        return text if negative_in_section or value >= 0 else text
    unquoted = _QUOTED.sub("", section)
    if m := _GENERAL_WORD.search(unquoted):  # General with literals: General"分"
        before, _, after = section.partition(m.group(0))
        text = general(abs(value) if negative_in_section else value)
        return _literals(before) + text + _literals(after)
    if _DATE_TOKEN.search(unquoted) and not re.search(r"[0#?]", unquoted):
        # a serial number under a date format (a formula computed here, not cached by Excel)
        try:
            when = dt.datetime(1899, 12, 30) + dt.timedelta(days=float(value))
        except (OverflowError, ValueError):
            return general(value)
        return format_date(when, number_format)
    return _apply_pattern(value, section, negative_in_section)


def _literals(part: str) -> str:
    return "".join(t for kind, t in _tokens(part) if kind == "lit")


def general(value: Decimal) -> str:
    """Excel's General: up to 15 significant digits, no exponent, no trailing zeros."""
    if value == 0:
        return "0"
    digits = value.adjusted() + 1
    places = max(0, 15 - digits)
    rounded = (
        value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP) if places < 40 else value
    )
    text = format(rounded.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _split_sections(number_format: str) -> list[str]:
    sections, current, quoted, escaped = [], [], False, False
    for ch in number_format:
        if escaped:
            current.append(ch)
            escaped = False
        elif ch == "\\":
            current.append(ch)
            escaped = True
        elif ch == '"':
            quoted = not quoted
            current.append(ch)
        elif ch == ";" and not quoted:
            sections.append("".join(current))
            current = []
        else:
            current.append(ch)
    sections.append("".join(current))
    return sections


def _tokens(section: str) -> list[tuple[str, str]]:
    """("lit", text) or ("fmt", char) tokens of one section."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(section):
        ch = section[i]
        if ch == '"':
            j = section.find('"', i + 1)
            j = len(section) if j < 0 else j
            out.append(("lit", section[i + 1 : j]))
            i = j + 1
        elif ch == "\\" and i + 1 < len(section):
            out.append(("lit", section[i + 1]))
            i += 2
        elif ch == "_" and i + 1 < len(section):
            i += 2  # padding the width of the next character: alignment only, not text
        elif ch == "*" and i + 1 < len(section):
            i += 2
        elif ch in "0#?.,%Ee":
            out.append(("fmt", ch))
            i += 1
        else:
            out.append(("lit", ch))
            i += 1
    return out


def _apply_pattern(value: Decimal, section: str, negative_in_section: bool) -> str:
    tokens = _tokens(section)
    fmt_positions = [k for k, (kind, ch) in enumerate(tokens) if kind == "fmt" and ch in "0#?."]
    literal = "".join(t for kind, t in tokens if kind == "lit")
    if any(kind == "fmt" and ch in "Ee" for kind, ch in tokens):
        return general(value)
    if not fmt_positions and "%" not in section:
        return literal if literal.strip() else general(value)
    first, last = (
        (fmt_positions[0], fmt_positions[-1]) if fmt_positions else (len(tokens), len(tokens) - 1)
    )
    number_chars = "".join(ch for kind, ch in tokens[first : last + 1] if kind == "fmt")
    percents = sum(1 for kind, ch in tokens if kind == "fmt" and ch == "%")
    integer_part, _, decimal_part = number_chars.partition(".")
    decimals = sum(1 for ch in decimal_part if ch in "0#?")
    min_decimals = sum(1 for ch in decimal_part if ch == "0")
    grouping = "," in integer_part
    scale = len(integer_part) - len(integer_part.rstrip(","))  # trailing commas divide by 1000
    v = value * (Decimal(100) ** percents) / (Decimal(1000) ** scale)
    negative = v < 0 and not negative_in_section
    v = abs(v).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    body = f"{v:,.{decimals}f}" if grouping else f"{v:.{decimals}f}"
    if decimals > min_decimals and "." in body:
        whole, frac = body.split(".")
        frac = frac.rstrip("0")
        frac = frac + "0" * max(0, min_decimals - len(frac))
        body = whole + ("." + frac if frac else "")
    digits = integer_part.replace(",", "")
    if digits and set(digits) <= {"#", "?"} and body.startswith("0"):
        # no 0 placeholder before the point: a zero integer part is not printed (“.25”, “-”)
        body = body[1:]
    prefix = "".join(
        t if kind == "lit" else ("%" if t == "%" else "") for kind, t in tokens[:first]
    )
    suffix = "".join(
        t if kind == "lit" else ("%" if t == "%" else "") for kind, t in tokens[last + 1 :]
    )
    return ("-" if negative else "") + prefix + body + suffix


def format_date(value: dt.datetime | dt.date | dt.time, number_format: str) -> str:
    """Dates and times by a format such as ``yyyy"年"m"月"d"日"`` or ``yyyy-mm-dd``."""
    section = _BRACKET.sub("", _split_sections(number_format)[0])
    if not _DATE_TOKEN.search(section.replace('"', "")) or section.strip().lower() in _GENERAL:
        if isinstance(value, dt.datetime):
            return (
                value.strftime("%Y-%m-%d")
                if value.time() == dt.time()
                else value.strftime("%Y-%m-%d %H:%M:%S")
            )
        return value.isoformat()
    year = getattr(value, "year", 1900)
    month = getattr(value, "month", 1)
    day = getattr(value, "day", 1)
    hour, minute, second = (
        getattr(value, "hour", 0),
        getattr(value, "minute", 0),
        getattr(value, "second", 0),
    )
    out: list[str] = []
    parts = re.split(r'("[^"]*"|\\.)', section)
    prev_hour = False
    for part in parts:
        if part.startswith('"'):
            out.append(part.strip('"'))
            continue
        if part.startswith("\\"):
            out.append(part[1:])
            continue
        pos = 0
        for m in _DATE_TOKEN.finditer(part):
            out.append(part[pos : m.start()])
            tok = m.group(0).lower()
            following = part[m.end() :].lower()
            if tok in ("yyyy",):
                out.append(f"{year:04d}")
            elif tok == "yy":
                out.append(f"{year % 100:02d}")
            elif tok in ("mm", "m") and (prev_hour or following.lstrip(":").startswith("s")):
                out.append(f"{minute:02d}" if tok == "mm" else str(minute))
            elif tok in ("mm", "m"):
                out.append(f"{month:02d}" if tok == "mm" else str(month))
            elif tok in ("mmm", "mmmm"):
                out.append(str(month))
            elif tok in ("dd", "d"):
                out.append(f"{day:02d}" if tok == "dd" else str(day))
            elif tok in ("ddd", "dddd"):
                out.append(
                    "一二三四五六日"[dt.date(year, month, day).weekday()]
                    if isinstance(value, dt.date)
                    else ""
                )
            elif tok in ("hh", "h"):
                out.append(f"{hour:02d}" if tok == "hh" else str(hour))
            elif tok in ("ss", "s"):
                out.append(f"{second:02d}" if tok == "ss" else str(second))
            prev_hour = tok in ("hh", "h")
            pos = m.end()
        out.append(part[pos:])
    return "".join(out)
