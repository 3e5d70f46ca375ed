#!/usr/bin/env python3
"""zxing-cpp's side of the capture benchmark (benches/capture.rs runs it).

Usage: zxing_bench.py SERVE   (or CALLGRIND IMAGE for one decode)

Each image is converted to 8-bit gray once, outside the timing (the Rust
side times its own grayscale conversion separately); zxingcpp.read_barcodes
then decodes the gray array, QR codes only, every other option at
zxing-cpp's defaults (try harder, rotate, invert, downscale).

The SERVE form reads commands on standard input, one a line: "load PATH"
converts an image to gray and decodes it once (warm-up), answering "ok";
"run N" times N decodes of it, one after the other, and answers
{"ms": [...], "found": [...]}. The bench times ours and zxing-cpp's in
turns, a few runs each, so a slow spell of a shared machine falls on both
alike.

The CALLGRIND form decodes one image once, for `valgrind --tool=callgrind
--toggle-collect='ZXing::ReadBarcodes*'` to count its instructions.
"""

import json
import sys
import time

import numpy
import zxingcpp
from PIL import Image


def gray(path):
    # PIL's "L" is ITU-R 601-2 luma, the same weights as our conversion.
    return numpy.asarray(Image.open(path).convert("L"))


def read(img):
    return zxingcpp.read_barcodes(img, formats=zxingcpp.BarcodeFormat.QRCode)


def serve():
    img = None
    for line in sys.stdin:
        command, _, arg = line.strip().partition(" ")
        if command == "load":
            img = gray(arg)
            read(img)
            print("ok", flush=True)
        elif command == "run":
            times, found = [], []
            for _ in range(int(arg)):
                start = time.perf_counter()
                found = read(img)
                times.append((time.perf_counter() - start) * 1e3)
            print(json.dumps({"ms": times, "found": [r.text for r in found]}), flush=True)


def main():
    if sys.argv[1] == "SERVE":
        serve()
        return
    if sys.argv[1] == "CALLGRIND":
        found = read(gray(sys.argv[2]))
        print(json.dumps({"found": [r.text for r in found]}))
        return
    sys.exit("usage: zxing_bench.py SERVE | CALLGRIND IMAGE")


if __name__ == "__main__":
    main()
