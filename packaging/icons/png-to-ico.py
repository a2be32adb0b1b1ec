#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes a Windows .ico from square RGBA PNGs (as rsvg-convert writes them), standard library only.

    png-to-ico.py OUT.ico IN-16.png IN-24.png ... IN-256.png

Sizes below 256 are stored as 32-bit BGRA bitmaps with an AND mask, which every consumer of .ico
files understands (rc.exe, NSIS, Explorer, old shell code); the 256 px image is stored as PNG, as
Windows has expected since Vista.
"""
import struct
import sys
import zlib


def read_rgba_png(path):
    """Returns (size, rows of RGBA bytes) of an 8-bit RGBA, non-interlaced PNG."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG")
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if (depth, colour, interlace) != (8, 6, 0):
                sys.exit(f"{path}: expected 8-bit RGBA without interlacing")
        elif kind == b"IDAT":
            idat += body
    if width != height:
        sys.exit(f"{path}: not square")
    raw, stride, rows = zlib.decompress(idat), width * 4, []
    previous, offset = bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[offset], bytearray(raw[offset + 1:offset + 1 + stride])
        offset += 1 + stride
        for x in range(stride):
            left = line[x - 4] if x >= 4 else 0
            up = previous[x]
            up_left = previous[x - 4] if x >= 4 else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                predictor = left if pa <= pb and pa <= pc else up if pb <= pc else up_left
                line[x] = (line[x] + predictor) & 0xFF
        rows.append(line)
        previous = line
    return width, rows, data


def bitmap_entry(size, rows):
    """A BITMAPINFOHEADER, bottom-up BGRA pixels, then the 1-bit AND mask (set where transparent)."""
    mask_stride = ((size + 31) // 32) * 4
    pixels, mask = bytearray(), bytearray()
    for row in reversed(rows):
        mask_row = bytearray(mask_stride)
        for x in range(size):
            r, g, b, a = row[x * 4:x * 4 + 4]
            pixels += bytes((b, g, r, a))
            if a == 0:
                mask_row[x // 8] |= 0x80 >> (x % 8)
        mask += mask_row
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0,
                         len(pixels) + len(mask), 0, 0, 0, 0)
    return header + pixels + mask


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    images = []
    for path in sys.argv[2:]:
        size, rows, png = read_rgba_png(path)
        if size > 256:
            sys.exit(f"{path}: .ico images are at most 256 px")
        images.append((size, png if size == 256 else bitmap_entry(size, rows)))
    images.sort(key=lambda image: image[0])
    out = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    for size, blob in images:
        out += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    out += b"".join(blob for _, blob in images)
    open(sys.argv[1], "wb").write(out)


if __name__ == "__main__":
    main()
