#!/usr/bin/env python3
"""Sends each hostile input of docs/reliability.md to a server and prints what came back and whether it closed.

    scripts/bad-inputs.py PORT [PORT ...]      # one column per server, e.g. redis-server and RedisClean

Each case runs on a fresh connection: send the bytes, then read until the server closes the connection or stays
quiet for a second. Start the servers with the same limits, so the cases that reach a limit compare like with like:

    redis-server --port 6412 --save '' --appendonly no --proto-max-bulk-len 1mb --client-query-buffer-limit 1mb &
    dotnet Redis.Server/bin/Release/net10.0/Redis.Server.dll --port 6413 \
        --proto-max-bulk-len 1048576 --client-query-buffer-limit 1048576 &
"""
import random
import socket
import sys

MIB = 1024 * 1024

CASES = [
    ("`*abc`", b"*abc\r\n"),
    ("`$-5` (negative bulk length)", b"*1\r\n$-5\r\n"),
    ("`*1` then `+PING` (not a bulk)", b"*1\r\n+PING\r\n"),
    ("`*-5` (negative count)", b"*-5\r\nPING\r\n"),
    ("`*0`, `*-1` (empty arrays)", b"*0\r\n*-1\r\nPING\r\n"),
    ("`*1` then `$abc`", b"*1\r\n$abc\r\n"),
    ("`$0` command name (empty)", b"*1\r\n$0\r\n\r\n"),
    ("bulk over proto-max-bulk-len (`$1048577`, limit 1 MiB)", b"*1\r\n$1048577\r\n"),
    ("bulk over 512 MiB (`$536870913`)", b"*1\r\n$536870913\r\n"),
    ("array over max-arguments (`*1048577`)", b"*1048577\r\n"),
    ("array over `INT_MAX` (`*2147483648`)", b"*2147483648\r\n"),
    ("`*` header of 70,000 digits, no CR", b"*" + b"9" * 70000),
    ("`$` header of 70,000 digits, no CR", b"*1\r\n$" + b"9" * 70000),
    ("unbalanced quotes inline (`SET k \"abc`)", b"SET k \"abc\r\n"),
    ("closing quote not followed by a space (`SET k \"a\"b`)", b"SET k \"a\"b\r\n"),
    ("inline line of 70,000 bytes, no newline yet", b"ECHO " + b"a" * 70000),
    ("inline line of 70,000 bytes with its newline", b"ECHO " + b"a" * 70000 + b"\r\n"),
    ("inline line of 1.1 MB with its newline", b"ECHO " + b"a" * (MIB + 100 * 1024) + b"\r\n"),
    ("unfinished request of 1.1 MB, over client-query-buffer-limit (1 MiB)",
     b"*5\r\n$4\r\nMSET\r\n$2\r\nk1\r\n$600000\r\n" + b"v" * 600000 + b"\r\n$2\r\nk2\r\n$600000\r\n" + b"v" * 500000),
    ("complete request of 1.2 MB, over client-query-buffer-limit (1 MiB)",
     b"*5\r\n$4\r\nMSET\r\n$2\r\nk1\r\n$600000\r\n" + b"v" * 600000 + b"\r\n$2\r\nk2\r\n$600000\r\n" + b"v" * 600000 + b"\r\n"),
    ("unfinished inline line of 1.1 MB, no newline", b"ECHO " + b"a" * (MIB + 100 * 1024)),
    ("missing CRLF after a bulk (`PINGxx` then `PING`)", b"*1\r\n$4\r\nPINGxx*1\r\n$4\r\nPING\r\n"),
    ("bulk followed by the next header at once (`hi*1...`)", b"*2\r\n$4\r\nECHO\r\n$2\r\nhi*1\r\n$4\r\nPING\r\n"),
    ("binary garbage (64 random bytes, then a newline)", random.Random(1).randbytes(64) + b"\r\n"),
    ("NUL first on an inline line", b"\x00\xff\xfe garbage\r\nPING\r\n"),
    ("NUL inside an inline line (`ECHO a\\0b`)", b"ECHO a\x00b\r\n"),
    ("empty lines (`\\r\\n`, `\\n`, spaces)", b"\r\n\n  \t \r\nPING\r\n"),
    ("`$-1` as a request (inline)", b"$-1\r\n"),
]


def probe(port, payload):
    s = socket.create_connection(("127.0.0.1", port))
    s.settimeout(1.0)
    reply, closed = b"", False
    try:
        s.sendall(payload)
    except OSError:
        closed = True
    while not closed:
        try:
            chunk = s.recv(65536)
        except socket.timeout:
            break
        except OSError:
            closed = True
            break
        if not chunk:
            closed = True
            break
        reply += chunk
    s.close()
    return reply, closed


def show(reply, closed):
    text = repr(reply)[2:-1] if len(reply) <= 120 else repr(reply[:60])[2:-1] + f"... ({len(reply)} bytes)"
    return (text or "(nothing)") + (", closed" if closed else ", stays open")


def main():
    ports = [int(p) for p in sys.argv[1:]] or [6379]
    for name, payload in CASES:
        results = [probe(port, payload) for port in ports]
        same = "" if len(ports) == 1 or all(r == results[0] for r in results) else "  <-- differs"
        print(f"{name}{same}")
        for port, (reply, closed) in zip(ports, results):
            print(f"    {port}: {show(reply, closed)}")


if __name__ == "__main__":
    main()
