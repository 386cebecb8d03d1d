"""Running it in production: logs, slow logs, Sentry and Prometheus metrics, in one place.

```
context.py     the request being served (id, statements run), in a contextvar
logs.py        stdlib logging through structlog: console lines in development, JSON otherwise
statements.py  crm.db reports each statement here: counted per request, logged when slow
requests.py    ASGI middleware: X-Request-ID, one access line, slow requests, metrics, Sentry
access.py      the access line, straight to the log handler when logging would add nothing
metrics.py     prometheus-client metrics and GET /metrics (multiprocess under --workers N)
sentry.py      sentry-sdk: one event per unhandled error, nothing secret or personal sent
wiring.py      what crm.app calls: configure(settings) per process, install(app, ...) per app
```
"""
