"""Colour contrast as WCAG 2 measures it. Pure, no Qt: the themes are checked with it.

`contrast_ratio(fg, bg)` is (L1 + 0.05) / (L2 + 0.05) of the two relative luminances, from
1 (no contrast) to 21 (black on white). WCAG AA asks 4.5:1 for text (3:1 for large text
and for the parts of controls one must see, like a checkbox's edge). Colours are "#rgb" or
"#rrggbb"; text drawn with transparency is first blended onto its background (`blend`).
"""

from __future__ import annotations

import colorsys

AA_TEXT = 4.5
AA_LARGE_TEXT = 3.0
AA_NON_TEXT = 3.0

RGB = tuple[float, float, float]  # 0..1 each


def parse(color: str) -> RGB:
    """ "#rrggbb" or "#rgb" → (r, g, b) in 0..1."""
    digits = color.strip().removeprefix("#")
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    if len(digits) != 6:
        raise ValueError(f"not a colour: {color!r}")
    value = int(digits, 16)
    return ((value >> 16) / 255, ((value >> 8) & 0xFF) / 255, (value & 0xFF) / 255)


def to_hex(rgb: RGB) -> str:
    return "#" + "".join(f"{round(min(max(c, 0.0), 1.0) * 255):02x}" for c in rgb)


def _linear(channel: float) -> float:
    # The sRGB transfer function as WCAG 2 writes it (0.03928: its published threshold).
    return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4


def relative_luminance(color: str) -> float:
    r, g, b = (_linear(c) for c in parse(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(fg: str, bg: str) -> float:
    """WCAG 2 contrast ratio of two colours (order does not matter): 1.0 … 21.0."""
    lighter, darker = sorted((relative_luminance(fg), relative_luminance(bg)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def blend(fg: str, bg: str, alpha: float) -> str:
    """`fg` drawn with opacity `alpha` over `bg`, as the eye sees it (sRGB mixing, as Qt
    paints)."""
    front, back = parse(fg), parse(bg)
    return to_hex(
        (
            alpha * front[0] + (1 - alpha) * back[0],
            alpha * front[1] + (1 - alpha) * back[1],
            alpha * front[2] + (1 - alpha) * back[2],
        )
    )


def passing_color(fg: str, backgrounds: list[str], target: float = AA_TEXT) -> str:
    """The colour nearest `fg` in lightness (same hue and saturation) that reaches
    `target` against every one of `backgrounds`; `fg` itself when it already does."""
    if all(contrast_ratio(fg, bg) >= target for bg in backgrounds):
        return fg
    hue, lightness, saturation = colorsys.rgb_to_hls(*parse(fg))
    for step in range(1, 101):
        for candidate_l in (lightness - step / 100, lightness + step / 100):
            if not 0.0 <= candidate_l <= 1.0:
                continue
            candidate = to_hex(colorsys.hls_to_rgb(hue, candidate_l, saturation))
            if all(contrast_ratio(candidate, bg) >= target for bg in backgrounds):
                return candidate
    raise ValueError(f"no lightness of {fg} reaches {target}:1 on {backgrounds}")
