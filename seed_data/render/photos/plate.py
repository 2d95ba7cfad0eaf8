"""Chinese number plates as mounted on a vehicle (GA 36): 440 × 140 mm, province character, office
letter, a dot, five characters. Yellow with black text for large vehicles, blue with white for small,
green gradient for new-energy plates (six characters)."""
from __future__ import annotations

from seed_data.render.page import Box, Page


def draw_plate(p: Page, cx: int, cy: int, plate: str, width: int = 330, large: bool = True) -> Box:
    """Draw ``plate`` centred at (cx, cy); records it as field "plate"."""
    h = int(width * 140 / 440)
    new_energy = len(plate.replace("·", "")) == 8
    if new_energy:
        bg, fg = (170, 220, 150), (20, 20, 20)
    elif large:
        bg, fg = (245, 190, 30), (15, 15, 15)
    else:
        bg, fg = (20, 70, 190), (250, 250, 250)
    box = (cx - width // 2, cy - h // 2, cx + width // 2, cy + h // 2)
    p.draw.rounded_rectangle(box, radius=h // 8, fill=bg, outline=fg, width=3)
    p.draw.rounded_rectangle((box[0] + 6, box[1] + 6, box[2] - 6, box[3] - 6), radius=h // 10, outline=fg, width=2)
    p.field("plate", plate, (cx, cy), "sans_bold", int(h * 0.62), label="号牌", key=True, fill=fg, anchor="mm",
            max_width=width - 24)
    return box
