# syntax=docker/dockerfile:1
#
# Parley: one image for `portal serve` (the default), `portal migrate` and the other commands.
#
#   docker build -t parley .
#   docker run --rm -v parley-data:/var/lib/parley parley migrate
#   docker run -d -p 8000:8000 -v parley-data:/var/lib/parley parley
#
# Production needs PORTAL_ENV=production, PORTAL_SECRET_KEY, PORTAL_JWT_PRIVATE_KEY and an
# https:// PORTAL_PUBLIC_URL (see README, Configuration); PORTAL_DATABASE_URL for PostgreSQL.

ARG PYTHON_IMAGE=python:3.12-slim
ARG NODE_IMAGE=node:22-slim

# --- web: the portal's pages (frontend/, TypeScript + Vite), built to static files -------------
# The generated GraphQL types are committed (frontend/src/gql), so this stage needs neither
# the schema nor codegen; Node stays out of the runtime image.
FROM ${NODE_IMAGE} AS web
WORKDIR /web
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY frontend/ ./
RUN npm run build

# --- builder: the wheel (hatchling, from pyproject.toml) and a virtualenv with its dependencies
FROM ${PYTHON_IMAGE} AS builder

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1

WORKDIR /src
COPY pyproject.toml README.md ./
COPY portal ./portal
COPY providers ./providers
# pip runs the build backend that pyproject.toml names (hatchling) in an isolated environment.
# The wheel holds only the packages portal and providers: never graphql/, migrations/ or tests/.
RUN python -m pip wheel --no-deps --wheel-dir /dist . \
    && python -m venv /opt/venv \
    && /opt/venv/bin/pip install /dist/*.whl

# --- runtime -----------------------------------------------------------------------------------
FROM ${PYTHON_IMAGE} AS runtime

# migrations/ is a top-level package on purpose (Tortoise config: "migrations": "migrations")
# and is not inside the wheel: a top-level `migrations` package in site-packages would collide
# with any other distribution doing the same. It is copied, owned by root and read-only for
# the application, to /opt/parley/migrations, and /opt/parley is on PYTHONPATH, so
# `portal migrate` imports it exactly as in a checkout. The built web portal is in
# /opt/parley/web (PORTAL_FRONTEND_DIR). The web portal's GraphQL documents are in
# /opt/parley/graphql/operations (read for the metrics' operation names, portal.metrics): a
# folder of .graphql files only, so it never shadows graphql-core. Nothing else lives there.
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONPATH=/opt/parley \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PORTAL_DATA_DIR=/var/lib/parley \
    PORTAL_FRONTEND_DIR=/opt/parley/web \
    PORTAL_HOST=0.0.0.0 \
    PORTAL_PORT=8000

RUN groupadd --system --gid 10001 parley \
    && useradd --system --uid 10001 --gid parley --home-dir /var/lib/parley \
        --no-create-home --shell /usr/sbin/nologin parley \
    && mkdir -p /var/lib/parley \
    && chown parley:parley /var/lib/parley \
    && chmod 0750 /var/lib/parley

COPY --from=builder /opt/venv /opt/venv
COPY --from=web /web/dist /opt/parley/web
COPY migrations /opt/parley/migrations
COPY graphql/operations /opt/parley/graphql/operations
RUN python -m compileall -q /opt/parley/migrations

# The SQLite database, the generated signing key (development) and local documents.
VOLUME ["/var/lib/parley"]
WORKDIR /var/lib/parley
USER 10001:10001

EXPOSE 8000

# /readyz answers 200 once the database answers. slim images have no curl: use the stdlib.
# A container running a command that serves no HTTP (`portal worker`, `portal clocks`) needs
# `docker run --no-healthcheck`.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('PORTAL_PORT', '8000') + '/readyz', timeout=4)"]

ENTRYPOINT ["portal"]
CMD ["serve"]
