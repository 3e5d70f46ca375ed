#!/usr/bin/env python3
"""Times "Scan screen pressed -> secret shown" in the real app window.

Usage: measure_scan.py LABEL EVENT_LOG REPEATS   (DISPLAY set, the app running
in demo mode with TOTP_BURNER_EVENT_LOG=EVENT_LOG; scripts/measure_gui.sh).

Each round focuses the main window (not timed), then the clock starts just
before Ctrl+Shift+S is sent through XTest from this process, and stops
when the app's event log gains its "scanned ...: secret" line, written in
the frame that takes the secret, before that frame asks for the window back
(the log is polled every 0.5 ms). Prints the median, min and max, the part
until the app handled the key (its "scan screen requested" line) and the
capture worker's own figure (request to result) from the same lines.
"""

import ctypes
import os
import re
import subprocess
import sys
import time


class Keyboard:
    """Ctrl+Shift+S through XTest in this process: the clock starts when
    the key events are sent, not when a program that sends them starts
    (`xdotool key` itself takes 50-100 ms on a busy machine)."""

    def __init__(self):
        self.x11 = ctypes.CDLL("libX11.so.6")
        self.xtst = ctypes.CDLL("libXtst.so.6")
        self.x11.XOpenDisplay.restype = ctypes.c_void_p
        self.x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.x11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        self.x11.XFlush.argtypes = [ctypes.c_void_p]
        self.xtst.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]
        self.display = self.x11.XOpenDisplay(None)
        if not self.display:
            sys.exit("cannot open the X display")
        # Control_L, Shift_L, s
        self.keys = [self.x11.XKeysymToKeycode(self.display, k) for k in (0xFFE3, 0xFFE1, 0x73)]

    def ctrl_shift_s(self):
        for k in self.keys:
            self.xtst.XTestFakeKeyEvent(self.display, k, 1, 0)
        for k in reversed(self.keys):
            self.xtst.XTestFakeKeyEvent(self.display, k, 0, 0)
        self.x11.XFlush(self.display)


def main():
    label, log, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
    window = subprocess.run(
        ["xdotool", "search", "--name", "^TOTP burner"], capture_output=True, text=True, check=True
    ).stdout.split()[0]
    keyboard = Keyboard()
    pressed_to_shown, worker, handled = [], [], []
    for _ in range(repeats):
        subprocess.run(["xdotool", "windowactivate", "--sync", window], stderr=subprocess.DEVNULL)
        subprocess.run(["xdotool", "windowfocus", "--sync", window], check=True)
        time.sleep(0.5)  # let the window settle (not timed)
        seen = os.path.getsize(log)
        start = time.perf_counter()
        keyboard.ctrl_shift_s()
        line = None
        requested = None
        deadline = start + 5
        while line is None and time.perf_counter() < deadline:
            with open(log) as f:
                f.seek(seen)
                for candidate in f.read().splitlines():
                    if candidate.startswith("scanned"):
                        line = candidate
                    elif candidate == "scan screen requested" and requested is None:
                        requested = time.perf_counter()
            if line is None:
                time.sleep(0.0005)
        if line is None:
            sys.exit(f"{label}: no 'scanned' line within 5 s")
        shown = time.perf_counter()
        pressed_to_shown.append((shown - start) * 1e3)
        handled.append(((requested or shown) - start) * 1e3)
        if not line.endswith(": secret"):
            sys.exit(f"{label}: the scan did not find the secret: {line}")
        worker.append(int(re.search(r" in (\d+) ms", line).group(1)))
        time.sleep(0.3)

    def summary(values):
        values = sorted(values)
        return f"median {values[len(values) // 2]:.0f} ms (min {values[0]:.0f}, max {values[-1]:.0f}, {len(values)} scans)"

    print(f"{label}: Scan screen pressed to secret shown: {summary(pressed_to_shown)}")
    print(f"{label}: of which pressed to the key handled (scan requested): {summary(handled)}")
    print(f"{label}: of which the capture worker (wait for the hide, grab, decode): {summary(worker)}")


if __name__ == "__main__":
    main()
