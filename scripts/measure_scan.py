#!/usr/bin/env python3
"""Times "Scan screen pressed -> secret shown" in the real app window.

Usage: measure_scan.py LABEL EVENT_LOG REPEATS   (DISPLAY set, the app running
in demo mode with TOTP_BURNER_EVENT_LOG=EVENT_LOG; scripts/measure_gui.sh).

Each round focuses the main window (not timed), then the clock starts just
before `xdotool key ctrl+shift+s` is started (its start-up, a few ms, is
counted: the figure errs high) and stops when the app's event log gains its
"scanned ...: secret" line, written in the frame that shows the secret
(the log is polled every 0.5 ms). Prints the median, min and max, and the
capture worker's own figure (request to result) from the same lines.
"""

import os
import re
import subprocess
import sys
import time


def main():
    label, log, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
    window = subprocess.run(
        ["xdotool", "search", "--name", "^TOTP burner"], capture_output=True, text=True, check=True
    ).stdout.split()[0]
    pressed_to_shown, worker = [], []
    for _ in range(repeats):
        subprocess.run(["xdotool", "windowactivate", "--sync", window], stderr=subprocess.DEVNULL)
        subprocess.run(["xdotool", "windowfocus", "--sync", window], check=True)
        time.sleep(0.5)  # let the window settle (not timed)
        seen = os.path.getsize(log)
        start = time.perf_counter()
        subprocess.run(["xdotool", "key", "ctrl+shift+s"], check=True)
        line = None
        deadline = start + 5
        while line is None and time.perf_counter() < deadline:
            with open(log) as f:
                f.seek(seen)
                for candidate in f.read().splitlines():
                    if candidate.startswith("scanned"):
                        line = candidate
            if line is None:
                time.sleep(0.0005)
        if line is None:
            sys.exit(f"{label}: no 'scanned' line within 5 s")
        pressed_to_shown.append((time.perf_counter() - start) * 1e3)
        if not line.endswith(": secret"):
            sys.exit(f"{label}: the scan did not find the secret: {line}")
        worker.append(int(re.search(r" in (\d+) ms", line).group(1)))
        time.sleep(0.3)

    def summary(values):
        values = sorted(values)
        return f"median {values[len(values) // 2]:.0f} ms (min {values[0]:.0f}, max {values[-1]:.0f}, {len(values)} scans)"

    print(f"{label}: Scan screen pressed to secret shown: {summary(pressed_to_shown)}")
    print(f"{label}: of which the capture worker (wait for the hide, grab, decode): {summary(worker)}")


if __name__ == "__main__":
    main()
