#!/usr/bin/env python3
"""Draws the demo campaign's two handout images (docs/protocol.md §9.4): a map of the Old Mill and a
portrait of the Grey Chancellor. Made for this project with nothing but the standard library; run it to
rebuild PartyMode.Engine/Campaigns/demo-images/*.png."""
import math, os, struct, zlib

OUT = os.path.join(os.path.dirname(__file__), "..", "PartyMode.Engine", "Campaigns", "demo-images")


class Canvas:
    def __init__(self, w, h, bg):
        self.w, self.h = w, h
        self.px = [[bg for _ in range(w)] for _ in range(h)]

    def dot(self, x, y, c):
        if 0 <= x < self.w and 0 <= y < self.h:
            self.px[y][x] = c

    def rect(self, x0, y0, x1, y1, c):
        for y in range(max(0, y0), min(self.h, y1)):
            for x in range(max(0, x0), min(self.w, x1)):
                self.px[y][x] = c

    def disc(self, cx, cy, r, c, ry=None):
        ry = ry or r
        for y in range(int(cy - ry), int(cy + ry) + 1):
            for x in range(int(cx - r), int(cx + r) + 1):
                if ((x - cx) / r) ** 2 + ((y - cy) / ry) ** 2 <= 1:
                    self.dot(x, y, c)

    def ring(self, cx, cy, r, c, width=1.5):
        for y in range(int(cy - r - 2), int(cy + r + 3)):
            for x in range(int(cx - r - 2), int(cx + r + 3)):
                if abs(math.hypot(x - cx, y - cy) - r) <= width / 2:
                    self.dot(x, y, c)

    def line(self, x0, y0, x1, y1, c, width=1, dash=0):
        steps = int(max(abs(x1 - x0), abs(y1 - y0))) * 2 + 1
        for i in range(steps + 1):
            if dash and (i // (dash * 2)) % 2:
                continue
            t = i / steps
            x, y = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t
            self.disc(x, y, width / 2 + 0.01, c)

    def png(self, path):
        raw = b"".join(b"\x00" + bytes(v for p in row for v in p) for row in self.px)
        def chunk(kind, data):
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", self.w, self.h, 8, 2, 0, 0, 0)) \
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
        with open(path, "wb") as f:
            f.write(data)
        print(path, len(data), "bytes")


def old_mill_map():
    parchment, ink, water, green, roof, red = (232, 216, 176), (74, 52, 32), (86, 140, 190), (92, 130, 70), (140, 70, 40), (190, 30, 30)
    c = Canvas(240, 160, parchment)
    for y in range(160):  # the river, winding top to bottom on the right
        x = 170 + 18 * math.sin(y / 22)
        c.line(x - 9, y, x + 9, y, water)
    c.rect(120, 60, 160, 92, roof)          # the mill
    c.line(120, 60, 160, 60, ink); c.line(120, 92, 160, 92, ink)
    c.line(120, 60, 120, 92, ink); c.line(160, 60, 160, 92, ink)
    c.ring(166, 76, 12, ink, 2)             # the water wheel
    for a in range(0, 360, 45):
        c.line(166, 76, 166 + 12 * math.cos(math.radians(a)), 76 + 12 * math.sin(math.radians(a)), ink)
    c.line(10, 150, 120, 80, ink, width=1.5, dash=3)   # the path from town
    for (x, y) in [(30, 30), (48, 22), (40, 48), (70, 30), (200, 118), (226, 20), (90, 130), (60, 110)]:
        c.disc(x, y, 8, green); c.ring(x, y, 8, ink, 1)
    c.line(132, 104, 144, 116, red, 3); c.line(144, 104, 132, 116, red, 3)   # the X under the floor
    for i in range(4):  # a compass rose
        a = math.radians(90 * i)
        c.line(214, 140, 214 + 10 * math.cos(a), 140 + 10 * math.sin(a), ink, 1.5)
    c.disc(214, 130, 2, red)
    for x in range(240):
        c.dot(x, 0, ink); c.dot(x, 159, ink)
    for y in range(160):
        c.dot(0, y, ink); c.dot(239, y, ink)
    c.png(os.path.join(OUT, "old-mill-map.png"))


def chancellor_portrait():
    bg, cloak, shade, skin, ink, chain, eye = (52, 40, 60), (128, 128, 134), (88, 88, 96), (214, 200, 186), (40, 30, 30), (210, 170, 60), (90, 120, 110)
    c = Canvas(120, 150, bg)
    c.disc(60, 150, 54, cloak, 44)           # cloak over the shoulders
    c.disc(60, 70, 40, cloak, 50)            # the hood
    c.disc(60, 76, 30, shade, 38)            # the hood's shadow
    c.disc(60, 82, 22, skin, 29)             # a long, pale face
    c.line(46, 76, 56, 79, ink, 1.5); c.line(64, 79, 74, 76, ink, 1.5)   # narrow brows
    c.disc(51, 83, 2.5, eye, 1.8); c.disc(69, 83, 2.5, eye, 1.8)        # narrowed eyes
    c.line(60, 84, 58, 96, ink, 1.2)         # nose
    c.line(50, 101, 60, 99, ink, 1.5); c.line(60, 99, 70, 101, ink, 1.5)  # a thin moustache
    c.line(54, 106, 66, 106, ink, 1.2)       # a tight mouth
    for i in range(9):                       # the chain of office
        a = math.radians(20 + 140 * i / 8)
        c.disc(60 + 34 * math.cos(a), 116 + 16 * math.sin(a), 2.5, chain)
    c.disc(60, 134, 5, chain)
    c.png(os.path.join(OUT, "grey-chancellor.png"))


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    old_mill_map()
    chancellor_portrait()
