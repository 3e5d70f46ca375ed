#!/usr/bin/env python3
"""zxing-cpp's side of the capture benchmark (benches/capture.rs runs it).

Usage: zxing_bench.py RUNS IMAGE...   (or CALLGRIND IMAGE for one decode)

For each image: load it, convert it to 8-bit gray once (outside the timing:
the Rust side times its own grayscale conversion separately), then time
zxingcpp.read_barcodes on the gray array RUNS times, QR codes only, every
other option at zxing-cpp's defaults (try harder, rotate, invert,
downscale). Prints one JSON object per image: the median in milliseconds
and the texts found.

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


def main():
    if sys.argv[1] == "CALLGRIND":
        found = read(gray(sys.argv[2]))
        print(json.dumps({"found": [r.text for r in found]}))
        return
    runs = int(sys.argv[1])
    for path in sys.argv[2:]:
        img = gray(path)
        read(img)  # warm up (first call loads code and tables)
        times = []
        found = []
        for _ in range(runs):
            start = time.perf_counter()
            found = read(img)
            times.append(time.perf_counter() - start)
        times.sort()
        print(
            json.dumps(
                {
                    "image": path,
                    "ms": times[len(times) // 2] * 1e3,
                    "found": [r.text for r in found],
                }
            ),
            flush=True,
        )


if __name__ == "__main__":
    main()
