"""居民身份证, both sides: the front (name, sex, 民族, birth, address, photo, the 18-character number at
the bottom) and the back (the emblem, 中华人民共和国 / 居民身份证, 签发机关, 有效期限), on the card's pale
blue security print. ``a4_copy``: both sides photocopied onto one A4 sheet in grey, with the use it
is for written across in pen; ``card_pair``: the two cards photographed side by side on a desk."""
from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from seed_data.documents.resident_id import ResidentIdCard
from seed_data.render.emblem import emblem
from seed_data.render.fonts import font
from seed_data.render.page import Page, RenderedPage

CARD_W, CARD_H = 856, 540
LABEL = (40, 110, 160)
PEN = (30, 50, 150)


def _security_print(p: Page, x: int, y: int, rng: np.random.Generator, tint: tuple[int, int, int]) -> None:
    p.draw.rounded_rectangle((x, y, x + CARD_W, y + CARD_H), radius=28, fill=tint, outline=(150, 160, 170), width=2)
    for k in range(14):
        amp, phase = 12 + 4 * rng.random(), rng.random() * 6.28
        pts = [(x + 20 + t, y + 40 + k * 34 + amp * np.sin(t / 38 + phase)) for t in range(0, CARD_W - 40, 8)]
        p.draw.line(pts, fill=tuple(max(0, c - 18) for c in tint), width=1)


def _front(p: Page, c: ResidentIdCard, x: int, y: int, rng: np.random.Generator, tint: tuple[int, int, int]) -> None:
    _security_print(p, x, y, rng, tint)
    p.text((x + 50, y + 70), "姓 名", "sans", 26, LABEL)
    p.field("name", c.name, (x + 160, y + 64), "sans", 34, label="姓名", key=True)
    p.text((x + 50, y + 135), "性 别", "sans", 26, LABEL)
    p.field("gender", c.gender, (x + 160, y + 130), "sans", 30, label="性别")
    p.text((x + 260, y + 135), "民 族", "sans", 26, LABEL)
    p.text((x + 370, y + 130), c.ethnicity, "sans", 30)
    p.text((x + 50, y + 200), "出 生", "sans", 26, LABEL)
    p.field("birth_date", f"{c.birth_date.year}年{c.birth_date.month}月{c.birth_date.day}日", (x + 160, y + 195),
            "sans", 30, label="出生", key=True)
    p.text((x + 50, y + 265), "住 址", "sans", 26, LABEL)
    p.field_lines("address", c.address, (x + 160, y + 262), 380, "sans", 28)
    p.text((x + 50, y + 455), "公民身份号码", "sans", 26, LABEL)
    p.field("number", c.number, (x + 260, y + 448), "mono_bold", 38, label="公民身份号码", key=True)
    # the photo: a grey head and shoulders, where the card prints the holder's portrait
    px, py = x + 600, y + 90
    p.draw.rectangle((px, py, px + 200, py + 250), fill=tuple(min(255, c_ + 10) for c_ in tint))
    p.draw.ellipse((px + 55, py + 40, px + 145, py + 150), fill=(120, 120, 125))
    p.draw.chord((px + 15, py + 150, px + 185, py + 330), 180, 360, fill=(90, 90, 98))


def _back(p: Page, c: ResidentIdCard, x: int, y: int, rng: np.random.Generator, tint: tuple[int, int, int]) -> None:
    _security_print(p, x, y, rng, tint)
    p.image.paste(emblem(150), (x + 50, y + 40), emblem(150))
    p.draw = ImageDraw.Draw(p.image)
    p.text((x + 300, y + 70), "中华人民共和国", "serif_bold", 40)
    p.text((x + 280, y + 150), "居 民 身 份 证", "serif_bold", 58)
    p.text((x + 120, y + 340), "签发机关", "sans", 26, LABEL)
    p.field("issuer", c.issuer, (x + 260, y + 334), "sans", 30, label="签发机关", max_width=560)
    p.text((x + 120, y + 410), "有效期限", "sans", 26, LABEL)
    until = "长期" if c.valid_until is None else f"{c.valid_until:%Y.%m.%d}"
    p.field("term", f"{c.valid_from:%Y.%m.%d}-{until}", (x + 260, y + 404), "sans", 30, label="有效期限", key=True)


def _pen(text: str, angle: float) -> Image.Image:
    f = font("serif", 46)
    w = int(f.getlength(text)) + 20
    layer = Image.new("RGBA", (w, 80), (0, 0, 0, 0))
    ImageDraw.Draw(layer).text((10, 10), text, font=f, fill=(*PEN, 200))
    return layer.rotate(angle, expand=True, resample=Image.BICUBIC)


def _a4_copy(c: ResidentIdCard, rng: np.random.Generator) -> RenderedPage:
    p = Page(1240, 1754)
    grey = (226, 226, 226)
    _front(p, c, 192, 180, rng, grey)
    _back(p, c, 192, 880, rng, grey)
    # a photocopier's grey: no colour survives but the pen written on the copy afterwards
    p.image = Image.fromarray(np.repeat(np.asarray(p.image.convert("L"))[:, :, None], 3, axis=2))
    p.draw = ImageDraw.Draw(p.image)
    p.paste_multiply(_pen(c.purpose, 12), (250, 1440))
    return p.finish()


def _card_pair(c: ResidentIdCard, rng: np.random.Generator) -> RenderedPage:
    desk = tuple(int(v) for v in rng.integers(150, 200, 3))
    p = Page(1880, 760, background=desk)
    _front(p, c, 60, 110, rng, (228, 236, 244))
    _back(p, c, 60 + CARD_W + 48, 110, rng, (228, 236, 244))
    return p.finish(texture=False)


def render(c: ResidentIdCard, rng: np.random.Generator) -> RenderedPage:
    return _card_pair(c, rng) if c.layout == "card_pair" else _a4_copy(c, rng)
