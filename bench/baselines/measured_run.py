"""Runs a command and reports what the OS measured of it and its children.

Usage: python3 measured_run.py RESULT_JSON COMMAND [ARG...]
Writes {"status", "wallMs", "cpuMs", "maxRssKb"} to RESULT_JSON: user+sys CPU of the
command and every process it waited for (getrusage RUSAGE_CHILDREN), and the peak
resident set of the largest of them. The command's stdout and stderr pass through.
"""
import json
import resource
import subprocess
import sys
import time

result_path, command = sys.argv[1], sys.argv[2:]
started = time.monotonic()
status = subprocess.run(command).returncode
wall_ms = (time.monotonic() - started) * 1000
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(result_path, "w") as result:
    json.dump(
        {
            "status": status,
            "wallMs": wall_ms,
            "cpuMs": (usage.ru_utime + usage.ru_stime) * 1000,
            "maxRssKb": usage.ru_maxrss,
        },
        result,
    )
