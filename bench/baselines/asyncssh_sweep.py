"""The same job as bare-ssh2-sweep.ts, on Python's asyncssh (Debian's python3-asyncssh).

Usage: python3 asyncssh_sweep.py HOSTS_FILE CONCURRENCY   (a "host port" line per phone)
Passwords: UNREG_SSH_PASSWORD, UNREG_DEBUG_PASSWORD; SSH user: UNREG_SSH_USER.
Host keys are not checked (known_hosts=None), as in the ssh2 baseline.
"""
import asyncio
import json
import os
import sys

import asyncssh

USER = os.environ.get("UNREG_SSH_USER", "sshadmin")
PASSWORD = os.environ.get("UNREG_SSH_PASSWORD", "")
DEBUG_PASSWORD = os.environ.get("UNREG_DEBUG_PASSWORD", "debug")


async def read_until(process, done):
    text = ""
    while not done(text):
        chunk = await process.stdout.read(65536)
        if not chunk:
            raise ConnectionError("closed")
        text += chunk
    return text


async def read_phone(host, port):
    async with asyncssh.connect(host, port, username=USER, password=PASSWORD, known_hosts=None) as connection:
        process = await connection.create_process(term_type="vt100", term_size=(1000, 200))
        await read_until(process, lambda text: text.endswith("login: "))
        process.stdin.write("debug\n")
        await read_until(process, lambda text: text.endswith("Password: "))
        process.stdin.write(DEBUG_PASSWORD + "\n")
        await read_until(process, lambda text: text.endswith("DEBUG> "))
        process.stdin.write("show unreg\n")
        await read_until(process, lambda text: "<EOT>" in text and text.endswith("DEBUG> "))
        process.stdin.write("exit\n")
        process.stdin.write_eof()
    return True


async def main():
    hosts_file, concurrency = sys.argv[1], int(sys.argv[2])
    targets = []
    with open(hosts_file) as lines:
        for line in lines:
            if line.strip():
                host, port = line.split()
                targets.append((host, int(port)))
    limit = asyncio.Semaphore(concurrency)

    async def guarded(host, port):
        async with limit:
            try:
                return await read_phone(host, port)
            except (OSError, asyncssh.Error):
                return False

    results = await asyncio.gather(*(guarded(host, port) for host, port in targets))
    print(json.dumps({"phones": len(targets), "ok": sum(results)}))


asyncio.run(main())
