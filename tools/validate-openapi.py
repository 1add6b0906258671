#!/usr/bin/env python3
"""Validates the service's own OpenAPI document against the OpenAPI specification.

Starts `target/release/moderate serve` (or the binary given), fetches GET /openapi.json and checks it
with `openapi-spec-validator` (PyPI). Exit status 0 when valid. Used by .ci/run.
"""
import json
import socket
import subprocess
import sys
import time
import urllib.request

from openapi_spec_validator import validate


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> int:
    binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/moderate"
    port = free_port()
    server = subprocess.Popen([binary, "serve", "--addr", f"127.0.0.1:{port}"], stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/openapi.json", timeout=2) as response:
                    document = json.load(response)
                break
            except OSError:
                time.sleep(0.1)
        else:
            print("validate-openapi: the server did not answer", file=sys.stderr)
            return 1
        validate(document)
        print(f"openapi document: valid (OpenAPI {document['openapi']}, {len(document['paths'])} paths)")
        return 0
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    sys.exit(main())
