#!/usr/bin/env python3
"""Attacks a running `moderate serve` the way issue 13 describes, one at a time, while a probe asks
`GET /health` every 50 ms on a fresh connection and times the answer.

    python3 tools/hostile-clients.py --addr 127.0.0.1:8080 [--pid PID] [--only NAME] [--connections 15000]

Attacks:
  stalled-bodies   N connections announce a 1 MB body, send 10 bytes, and wait
  trickled-heads   N connections make one request, then send the next head a byte a second
  non-readers      200 connections pipeline requests for /openapi.json and never read
  worst-comments   32 clients post 10,000 characters of "******ss " to /moderate in a loop
  abandoned-batch  10 clients send a 1 MiB worst-case batch and hang up at once

For each: /health latency (p50, p99, max, failures), and the server's CPU seconds and resident
memory after it (with --pid). Exit status 1 when /health ever took 100 ms or more, or failed.
Standard library only.
"""

import argparse
import asyncio
import json
import multiprocessing
import resource
import socket
import statistics
import sys
import time


def raise_fd_limit():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return hard


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])
    return ticks / 100.0


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def probe_process(host, port, stop, results):
    """GET /health every 50 ms on a new connection, in a process of its own so the attack's event
    loop does not delay it; each latency (ms, or -1 for a failure) goes to `results`."""
    while not stop.is_set():
        started = time.perf_counter()
        try:
            with socket.create_connection((host, port), timeout=5) as sock:
                sock.sendall(b"GET /health HTTP/1.1\r\nHost: probe\r\nConnection: close\r\n\r\n")
                data = b""
                while True:
                    chunk = sock.recv(4096)
                    if not chunk:
                        break
                    data += chunk
            if not data.startswith(b"HTTP/1.1 200"):
                raise RuntimeError(data[:40])
            results.put((time.perf_counter() - started) * 1000)
        except Exception:
            results.put(-1.0)
        time.sleep(max(0.0, 0.05 - (time.perf_counter() - started)))


class Probe:
    def __init__(self, host, port):
        self.stop = multiprocessing.Event()
        self.results = multiprocessing.Queue()
        self.process = multiprocessing.Process(target=probe_process, args=(host, port, self.stop, self.results), daemon=True)
        self.process.start()

    def finish(self):
        self.stop.set()
        self.process.join(10)
        values = []
        while not self.results.empty():
            values.append(self.results.get())
        failures = sum(1 for v in values if v < 0)
        values = sorted(v for v in values if v >= 0) or [0.0]
        p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
        return {"probes": len(values) + failures, "p50_ms": round(statistics.median(values), 2), "p99_ms": round(p99, 2),
                "max_ms": round(values[-1], 2), "failures": failures}


async def hold(host, port, first, then=None, every=1.0, seconds=20):
    """Opens a connection, sends `first`, then `then` a byte at a time every `every` seconds."""
    try:
        reader, writer = await asyncio.open_connection(host, port)
    except OSError:
        return "refused"
    try:
        writer.write(first)
        await writer.drain()
        if then:
            for byte in then:
                await asyncio.sleep(every)
                writer.write(bytes([byte]))
                await writer.drain()
        else:
            await asyncio.sleep(seconds)
        return "held"
    except (ConnectionError, OSError):
        return "cut"
    finally:
        writer.close()


async def stalled_bodies(host, port, n, seconds):
    head = b"POST /moderate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{\"text\":\"a"
    tasks = []
    for i in range(n):
        tasks.append(asyncio.ensure_future(hold(host, port, head, seconds=seconds)))
        if i % 500 == 499:
            await asyncio.sleep(0.05)
    return await asyncio.gather(*tasks)


async def trickled_heads(host, port, n, seconds):
    first = b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n"
    then = b"GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 200
    tasks = []
    for i in range(n):
        tasks.append(asyncio.ensure_future(hold(host, port, first, then=then[: int(seconds)], every=1.0)))
        if i % 500 == 499:
            await asyncio.sleep(0.05)
    return await asyncio.gather(*tasks)


async def non_readers(host, port, seconds):
    request = b"GET /openapi.json HTTP/1.1\r\nHost: x\r\n\r\n"

    async def one():
        try:
            reader, writer = await asyncio.open_connection(host, port)
            sock = writer.get_extra_info("socket")
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            writer.write(request * 2000)
            try:
                await asyncio.wait_for(writer.drain(), seconds)
            except asyncio.TimeoutError:
                pass
            await asyncio.sleep(seconds)
            writer.close()
            return "held"
        except (ConnectionError, OSError):
            return "cut"

    return await asyncio.gather(*[one() for _ in range(200)])


def worst_comment():
    return ("******ss " * 1112)[:10000]


async def post(host, port, path, body, read=True):
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode() + body)
    await writer.drain()
    if not read:
        writer.close()
        return None
    data = await reader.read()
    writer.close()
    return data


async def worst_comments(host, port, seconds):
    body = json.dumps({"text": worst_comment()}).encode()
    deadline = time.monotonic() + seconds
    counts = {}

    async def client():
        while time.monotonic() < deadline:
            try:
                data = await post(host, port, "/moderate", body)
                status = data[9:12].decode() if data else "none"
            except (ConnectionError, OSError):
                status = "error"
            counts[status] = counts.get(status, 0) + 1

    await asyncio.gather(*[client() for _ in range(32)])
    return counts


async def abandoned_batches(host, port):
    comments = []
    size = 0
    while size < 1024 * 1024 - 12000:
        item = json.dumps({"text": worst_comment()})
        comments.append(item)
        size += len(item) + 1
    body = ('{"comments":[' + ",".join(comments) + "]}").encode()
    await asyncio.gather(*[post(host, port, "/moderate/batch", body, read=False) for _ in range(10)])
    return {"batches": 10, "bytes_each": len(body)}


async def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--addr", default="127.0.0.1:8080")
    parser.add_argument("--pid", type=int)
    parser.add_argument("--only")
    parser.add_argument("--connections", type=int, default=15000)
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args()
    host, port = args.addr.rsplit(":", 1)
    port = int(port)
    limit = raise_fd_limit()
    n = min(args.connections, limit - 500)
    attacks = {
        "stalled-bodies": lambda: stalled_bodies(host, port, n, args.seconds),
        "trickled-heads": lambda: trickled_heads(host, port, n, args.seconds),
        "non-readers": lambda: non_readers(host, port, args.seconds),
        "worst-comments": lambda: worst_comments(host, port, args.seconds),
        "abandoned-batch": lambda: abandoned_batches(host, port),
    }
    bad = False
    for name, attack in attacks.items():
        if args.only and name not in args.only.split(","):
            continue
        probe = Probe(host, port)
        cpu_before = cpu_seconds(args.pid) if args.pid else None
        outcome = await attack()
        if name == "abandoned-batch":
            await asyncio.sleep(3)
        health = probe.finish()
        await asyncio.sleep(0.5)
        if isinstance(outcome, list):
            outcome = {k: outcome.count(k) for k in set(outcome)}
        report = {"attack": name, "outcome": outcome, "health": health}
        if args.pid:
            report["server_cpu_s"] = round(cpu_seconds(args.pid) - cpu_before, 2)
            report["server_rss_mb"] = round(rss_mb(args.pid), 1)
        print(json.dumps(report), flush=True)
        if report["health"]["max_ms"] >= 100 or report["health"]["failures"]:
            bad = True
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    asyncio.run(main())
