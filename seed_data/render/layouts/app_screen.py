"""The phone screen a licence's 电子证照 is shown on, as the holder screenshots it: a 750 × 1624 portrait
screen (the payment screenshots' size) with the phone's status bar, the app's or mini-program's title bar,
and white cards of label/value rows on a tinted page. Neutral shapes only: no app's logo or trade dress.

The status bar's clock and battery are drawn from the page stream: the moment of the screenshot is not
part of the licence's content.
"""
from __future__ import annotations

import numpy as np

from seed_data.render.page import Box, Page

WIDTH, HEIGHT = 750, 1624
BLACK = (25, 25, 25)
GREY = (128, 128, 128)
RULE = (232, 232, 232)
WHITE = (255, 255, 255)
LINK = (40, 100, 200)
SIDE = 28                    # page margin either side of a card
PAD = 32                     # card inner margin


def screen(rng: np.random.Generator, title: str, *, background: tuple[int, int, int] = (242, 243, 245),
           bar: tuple[int, int, int] = (255, 255, 255), ink: tuple[int, int, int] = BLACK,
           mini_program: bool = True) -> Page:
    """A blank screen with status bar and title bar; a mini-program shows the host app's ··· ◎ capsule
    at the right, a stand-alone app does not."""
    p = Page(WIDTH, HEIGHT, background=background)
    p.rect((0, 0, WIDTH, 176), width=0, outline=bar, fill=bar)
    p.text((44, 24), f"{int(rng.integers(7, 23)):02d}:{int(rng.integers(60)):02d}", "sans_bold", 28, ink)
    for i in range(4):   # signal bars
        p.rect((560 + i * 12, 48 - i * 6, 567 + i * 12, 52), width=0, outline=ink, fill=ink)
    p.rect((632, 28, 686, 52), width=2, outline=ink)
    p.rect((636, 32, 636 + int(46 * rng.uniform(0.25, 1.0)), 48), width=0, outline=ink, fill=ink)
    p.rect((688, 35, 692, 45), width=0, outline=ink, fill=ink)
    p.text((40, 118), "‹", "sans", 54, ink, anchor="lm")
    p.text((WIDTH / 2, 118), title, "sans_bold", 34, ink, anchor="mm")
    if mini_program:
        p.draw.rounded_rectangle((548, 98, 718, 140), radius=21, outline=(200, 200, 200), width=2)
        p.text((590, 119), "···", "sans_bold", 26, ink, anchor="mm")
        p.line((633, 106, 633, 132), 1, (200, 200, 200))
        p.draw.ellipse((662, 106, 690, 134), outline=ink, width=3)
    return p


def card(p: Page, top: int, bottom: int, fill: tuple[int, int, int] = WHITE) -> Box:
    """A rounded white card across the screen; returns its box."""
    box = (SIDE, top, WIDTH - SIDE, bottom)
    p.draw.rounded_rectangle(box, radius=18, fill=fill)
    return box


def row(p: Page, y: int, label: str, name: str, value: str, *, key: bool, stacked: bool = False,
        label_width: int = 210, size: int = 27, lines: int = 1) -> int:
    """One label/value row inside a card, a hairline under it: the grey label left and the value at a tab,
    or (``stacked``, for names and addresses) the label over a full-width value. A value longer than its
    line shrinks to fit, or wraps up to ``lines`` lines and is recorded as printed. Returns the next y."""
    x, right = SIDE + PAD, WIDTH - SIDE - PAD
    p.text((x, y), label, "sans", size - 3, GREY, max_width=label_width - 12)
    vx, vy = (x, y + size + 12) if stacked else (x + label_width, y)
    if lines > 1:
        box = p.field_lines(name, value, (vx, vy), right - vx, "sans", size, label=label, line_gap=1.4,
                            fill=BLACK, max_lines=lines)
    else:
        box = p.field(name, value, (vx, vy), "sans", size, label=label, key=key, fill=BLACK, max_width=right - vx)
    bottom = max(box[3], vy + size) + 20
    p.line((x, bottom, right, bottom), 1, RULE)
    return bottom + 22
