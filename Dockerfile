# Dockerfile — the Python app image (sidecar, worker, SQL loader) for docker-compose.yml. Layer: tooling.
# The same pinned dependencies as the dev venv (requirements.lock), installed into /app/.venv so scripts/load-sql
# runs unchanged inside the container. `python -m sidecar serve` by default; compose overrides for the worker.
FROM python:3.11-slim-bookworm

RUN apt-get update -q \
    && apt-get install -y -q --no-install-recommends postgresql-client-15 \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml requirements.lock ./
RUN python -m venv /app/.venv \
    && /app/.venv/bin/pip install --no-cache-dir -q -r requirements.lock
COPY . .
RUN /app/.venv/bin/pip install --no-cache-dir -q --no-deps -e .

ENV PATH="/app/.venv/bin:$PATH" \
    PYTHONUNBUFFERED=1 \
    SIDECAR_HOST=0.0.0.0 \
    SIDECAR_PORT=3001
EXPOSE 3001
CMD ["python", "-m", "sidecar", "serve"]
