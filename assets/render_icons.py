#!/usr/bin/env python3
"""Render the app icon's PNG sizes and .ico from the shapes of
totp-burner.svg (the source of truth; keep both in step).
Needs Pillow: pip install pillow. Run: python3 assets/render_icons.py"""
from pathlib import Path
from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).parent
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"


def draw(size: int) -> Image.Image:
    s = size / 256
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle([40 * s, 16 * s, 216 * s, 240 * s], radius=36 * s, fill="#1f3b57")
    d.ellipse([116 * s, 32 * s, 140 * s, 56 * s], fill="#0d1e2e")
    d.rounded_rectangle([60 * s, 78 * s, 196 * s, 142 * s], radius=8 * s, fill="#c9d9a6")
    if size >= 48:
        font = ImageFont.truetype(FONT, max(8, int(34 * s)))
        d.text((128 * s, 112 * s), "123456", font=font, fill="#1b2410", anchor="mm")
    d.ellipse([102 * s, 166 * s, 154 * s, 218 * s], fill="#e8eef3")
    d.ellipse([110 * s, 174 * s, 146 * s, 210 * s], fill="#3a6b94")
    return img


if __name__ == "__main__":
    sizes = [16, 32, 48, 64, 128, 256]
    for n in sizes:
        draw(n).save(HERE / f"totp-burner-{n}.png")
    draw(256).save(HERE / "totp-burner.ico", sizes=[(n, n) for n in sizes])
