"""Chinese numerals' values: 十四 → 14, 一千万 → 10,000,000, 一点五 → 1.5.

Integers written the standard way (as :func:`chinese` writes them: 十五, 一百零一, 三千零五万,
十亿零一万) are read here. Anything else (decimals, 〇 for 零, 一十五, malformed runs) goes to
cn2an in its strict mode, imported on first need: the package takes 0.1 s to import and more to
compile its patterns, and most texts never need it. Both give the same value for every form
read here (a test holds them equal).
"""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"
_UNITS = {"十": 10, "百": 100, "千": 1000}
_WAN, _YI = 10**4, 10**8
_LARGEST = 10**12  # up to 九千九百九十九亿…: one 亿 section, no 万亿


def _section(n: int) -> str:
    """0 < n < 10,000 as written: 一千零一十, 五百, 三十二."""
    out: list[str] = []
    gap = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // value % 10
        if d:
            if gap and out:
                out.append("零")
            out.append(_DIGITS[d] + unit)
            gap = False
        else:
            gap = True
    return "".join(out)


def chinese(n: int) -> str:
    """A whole number below 10¹² as official texts write it: 零, 十五, 一万零五百, 十亿零一万."""
    if not 0 <= n < _LARGEST:
        raise ValueError(f"{n} is outside 0 to 10^12")
    if n == 0:
        return "零"
    yi, wan, low = n // _YI, n // _WAN % _WAN, n % _WAN
    parts: list[str] = []
    if yi:
        parts.append(_section(yi) + "亿")
    if wan:
        if parts and wan < 1000:
            parts.append("零")
        parts.append(_section(wan) + "万")
    if low:
        if parts and (low < 1000 or not wan) and parts[-1] != "零":
            parts.append("零")
        parts.append(_section(low))
    out = "".join(parts)
    return out[1:] if out.startswith("一十") else out  # 十五, 十万: not 一十五


def _integer(numeral: str) -> int | None:
    """The value of a numeral written as :func:`chinese` writes it, else None."""
    total = wan = section = digit = 0
    for ch in numeral:
        d = _DIGITS.find(ch)
        if d >= 0:
            digit = d
        elif ch in _UNITS:
            section += (digit or 1) * _UNITS[ch]
            digit = 0
        elif ch == "万":
            wan, section, digit = (section + digit) * _WAN, 0, 0
        elif ch == "亿":
            total, wan, section, digit = (wan + section + digit) * _YI, 0, 0, 0
        else:
            return None
    n = total + wan + section + digit
    return n if n < _LARGEST and chinese(n) == numeral else None


def cn_value(numeral: str) -> int | float:
    """A Chinese numeral's value, as cn2an's strict mode reads it (ValueError when it cannot)."""
    n = _integer(numeral) if numeral else None
    if n is not None:
        return n
    import cn2an

    return cn2an.cn2an(numeral, "strict")  # type: ignore[no-any-return]
