"""Number formatting shared by the GUI and the command line."""

from __future__ import annotations

THIN = "\u202f"  # narrow no-break space: groups digits without letting a number wrap


def group_digits(n: int, sep: str = THIN) -> str:
    """7946 -> "7 946" (thin-space grouping, SI style)."""
    return f"{n:,}".replace(",", sep)


def si(value: float, unit: str = "", digits: int = 1) -> str:
    """30720 -> "30.7 k" + unit; bytes use the same decimal prefixes (kB, MB)."""
    for factor, prefix in ((1e15, "P"), (1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= factor:
            return f"{value / factor:.{digits}f} {prefix}{unit}"
    if float(value).is_integer():
        return f"{int(value)} {unit}".rstrip()
    return f"{value:.{digits}f} {unit}".rstrip()


def shape_text(shape: tuple[int, ...] | None) -> str:
    """(2, 20) -> "(2, 20)"; None -> "?"."""
    if shape is None:
        return "?"
    return "(" + ", ".join(str(d) for d in shape) + ")"
