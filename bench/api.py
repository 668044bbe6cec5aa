"""API throughput and memory, measured side by side in one run on PostgreSQL + Redis under
gunicorn, loaded by wrk from a second process. Prints ratios; exits 1 if a target is missed.

    python -m bench.api            (or `make bench`, which runs every benchmark)

Targets (issues "Headless API" and "Proof and production"):
  /api/v3/articles/ uncached        >= 3x stock Wagtail v2 pages listing of the same fields
  cached GET                        >= 50% of a bare Django JSON view
  visit beacon POST                 reported against the bare view
  SQL queries of the listing        constant in the page size, <= 8
  worker memory after 20,000 reqs   within 10% of after the first 1,000
"""

import os
import sys
import tempfile
from pathlib import Path

from bench import server
from bench.report import Report

PORT = int(os.environ.get("BENCH_PORT", "8765"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str(max(2, os.cpu_count() or 2))))
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
ARTICLES = "/api/v3/articles/?limit=10&locale=vi"
V2_ARTICLES = (
    "/api/v2/pages/?type=articles.ArticlePage&fields=date,summary,hero_image&limit=10&locale=vi"
)
BEACON_LUA = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
counter = 0
request = function()
  counter = counter + 1
  local body = '{"path": "/tin-tuc/", "visitor": "bench-' .. counter .. '"}'
  return wrk.format(nil, nil, nil, body)
end
"""
# Stops each wrk thread after N requests, for the memory check.
COUNTED_LUA = """
local paths = {"%s", "%s", "/", "/api/v3/stats/", "/tin-tuc/"}
local limit, done, i = %d, 0, 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
response = function()
  done = done + 1
  if done >= limit then wrk.thread:stop() end
end
"""


def bench_env(database_url, redis_url, cache="on"):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "SECRET_KEY": os.environ["SECRET_KEY"],
        "CONN_MAX_AGE": "60",
        "BENCH_API_CACHE": cache,
    }


def throughput(report, env):
    base = f"http://{server.HOST}:{PORT}"
    with server.gunicorn(bench_env(**env, cache="off"), PORT, WORKERS):
        server.wrk(base + ARTICLES, seconds=2)  # warm up renditions and connections
        server.wrk(base + V2_ARTICLES, seconds=2)
        ours = server.wrk(base + ARTICLES, SECONDS)
        stock = server.wrk(base + V2_ARTICLES, SECONDS)
    report.ratio("articles API uncached vs stock v2", ours, stock, target=3.0)

    with server.gunicorn(bench_env(**env), PORT, WORKERS):
        server.wrk(base + ARTICLES, seconds=2)
        bare = server.wrk(base + "/bench/bare/", SECONDS)
        cached = server.wrk(base + ARTICLES, SECONDS)
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
            lua.write(BEACON_LUA)
        beacon = server.wrk(base + "/api/v3/stats/hits/", SECONDS, script=lua.name)
        os.unlink(lua.name)
    report.ratio("cached GET vs bare Django JSON view", cached, bare, target=0.5)
    report.ratio("visit beacon POST vs bare Django JSON view", beacon, bare, target=None)


def memory(report, env):
    base = f"http://{server.HOST}:{PORT}"
    connections = 8
    with server.gunicorn(bench_env(**env), PORT, WORKERS) as master:
        pids = server.worker_pids(master)

        def run(total):
            per_thread = max(1, total // 2)
            with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
                lua.write(COUNTED_LUA % (ARTICLES, V2_ARTICLES, per_thread))
            try:
                server.wrk(base + "/", seconds=120, connections=connections, script=lua.name)
            finally:
                os.unlink(lua.name)

        run(1_000)
        after_1k = {pid: server.rss_kb(pid) for pid in pids}
        run(19_000)
        after_20k = {pid: server.rss_kb(pid) for pid in pids}
    growth = max(after_20k[pid] / after_1k[pid] for pid in pids if after_1k[pid])
    report.value(
        "worker RSS after 20,000 / after 1,000 requests (worst worker)",
        growth,
        unit="x",
        target=1.10,
        lower_is_better=True,
        detail=", ".join(f"{after_1k[p] // 1024}->{after_20k[p] // 1024} MB" for p in pids),
    )


def main(argv=()):
    from bench.data import prepare

    env = prepare()
    report = Report("API under gunicorn (PostgreSQL + Redis)")
    from bench.queries import listing_queries

    listing_queries(report)
    throughput(report, env)
    memory(report, env)
    return report.finish()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main(sys.argv[1:]))
