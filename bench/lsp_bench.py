#!/usr/bin/python3
"""How quickly `dealgate lsp` answers an edit, and whether its memory stays flat.

Starts `dealgate lsp` as an editor does (pipes), opens rules/delivery_entry.gate (so the whole
folder, both shipped files, is compiled on every change), then sends EDITS didChange
notifications, each a whole new text as Neovim and VS Code send it with full sync, and times each
one from the write of the didChange to the read of the publishDiagnostics for that version. The
edits cycle through what typing does: a changed number (the rules still compile), a typo in a
fact path (one error), its fix, and a half-written condition (a syntax error). The server's
resident memory (VmRSS from /proc) is sampled along the way.

    bench/lsp_bench.py [BINARY] [EDITS]      defaults: build/dealgate, 10000
"""
import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "dealgate")
EDITS = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
PATH = os.path.join(ROOT, "rules", "delivery_entry.gate")
URI = "file://" + PATH


class Client:
    def __init__(self):
        self.proc = subprocess.Popen([BINARY, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def send(self, message):
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def receive(self):
        length = None
        while True:
            line = self.proc.stdout.readline()
            if line in (b"\r\n", b"\n"):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.proc.stdout.read(length))

    def wait_for_diagnostics(self, version):
        while True:
            m = self.receive()
            params = m.get("params", {})
            if m.get("method") == "textDocument/publishDiagnostics" and params.get("uri") == URI \
                    and params.get("version") == version:
                return params["diagnostics"]

    def rss_kib(self, field="VmRSS"):
        with open("/proc/%d/status" % self.proc.pid) as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])


def edited(text, i):
    """The text after edit i: the kind of change cycles as typing does."""
    kind = i % 4
    text = text.replace("param min_roi: number = 3", "param min_roi: number = %d" % (3 + i % 7))
    if kind == 1:
        return "typo", text.replace("value.confirmed_by", "value.confirmd_by", 1)
    if kind == 3:
        return "syntax error", text.replace("require by_finance:", "require by_finance: value. >", 1)
    return "compiles", text


def main():
    text = open(PATH).read()
    assert "param min_roi: number = 3" in text and "value.confirmed_by" in text
    client = Client()
    client.send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
    client.receive()
    client.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    client.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
        "textDocument": {"uri": URI, "languageId": "dealgate", "version": 0, "text": text}}})
    assert client.wait_for_diagnostics(0) == [], "the shipped rules should check clean"

    latencies = {"compiles": [], "typo": [], "syntax error": []}
    rss = [(0, client.rss_kib())]
    for i in range(1, EDITS + 1):
        kind, new_text = edited(text, i)
        start = time.perf_counter()
        client.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": URI, "version": i}, "contentChanges": [{"text": new_text}]}})
        diagnostics = client.wait_for_diagnostics(i)
        latencies[kind].append((time.perf_counter() - start) * 1000)
        assert (kind == "compiles") == (diagnostics == []), (kind, diagnostics)
        if i % 1000 == 0:
            rss.append((i, client.rss_kib()))
    peak = client.rss_kib("VmHWM")
    client.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    client.receive()
    client.send({"jsonrpc": "2.0", "method": "exit"})
    code = client.proc.wait(timeout=10)

    everything = sorted(x for values in latencies.values() for x in values)
    print("dealgate lsp: %d edits of rules/delivery_entry.gate (%d bytes), the folder (%d files) "
          "compiled on each" % (EDITS, len(text), len([f for f in os.listdir(os.path.dirname(PATH))
                                                       if f.endswith(".gate")])))
    print("didChange -> publishDiagnostics, ms     median     p90     p99     max")
    for kind, values in list(latencies.items()) + [("all", everything)]:
        values = sorted(values)
        print("  %-14s (%5d edits)     %6.2f  %6.2f  %6.2f  %6.2f" % (
            kind, len(values), statistics.median(values), values[int(len(values) * 0.9)],
            values[int(len(values) * 0.99)], values[-1]))
    print("resident memory (VmRSS), MiB: " + ", ".join(
        "%d edits %.1f" % (n, kib / 1024) for n, kib in rss))
    print("peak resident memory (VmHWM): %.1f MiB; exit code after shutdown/exit: %d" % (peak / 1024, code))
    if len(rss) > 2:
        growth = (rss[-1][1] - rss[1][1]) / 1024
        print("growth from 1,000 to %d edits: %+.1f MiB" % (EDITS, growth))
    return 0 if code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
