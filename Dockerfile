# syntax=docker/dockerfile:1
#
# Mashup in one image: the server and the built client, served from one origin.
#
#   docker build -t mashup .
#   docker run --rm -p 3000:3000 mashup     # one process, in-memory store, demo event
#
# For several processes on Redis behind a load balancer, see docker-compose.yml.
# Configuration is by environment variables (server/src/config.ts).
#
# The image carries the mediasoup worker, so the server uses the SFU (MEDIA_PLANE=auto
# picks it whenever the worker starts). Publish the RTC port range with the same numbers
# inside and out and tell the server the address browsers reach it at:
#   docker run --rm -p 3000:3000 -p 40000-40100:40000-40100/udp -p 40000-40100:40000-40100/tcp \
#     -e SFU_LISTEN_IP=0.0.0.0 -e SFU_ANNOUNCED_ADDRESS=<host IP> mashup

ARG NODE_IMAGE=node:24-bookworm-slim

# ---------------------------------------------------------------- build
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Manifests first, so the dependency layer is reused until a package.json or the lockfile changes.
# All four workspace manifests are needed: npm ci checks the lockfile against every workspace.
COPY package.json package-lock.json .npmrc ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY client/package.json client/
COPY e2e/package.json e2e/
# The e2e workspace (Playwright, axe) is not needed to build; the root brings tsc and @types/node.
# mediasoup installs here without its worker (install scripts off): its typings are all tsc needs.
RUN npm ci --workspace shared --workspace server --workspace client --include-workspace-root
COPY tsconfig.base.json ./
COPY shared/ shared/
COPY server/ server/
COPY client/ client/
# = tsc -b shared server && vite build (client): shared/dist, server/dist, client/dist.
RUN npm run build

# ---------------------------------------------------------------- production dependencies
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# mediasoup's worker is built here on purpose (.npmrc disables install scripts for everyone
# else). Its install script first downloads a prebuilt worker for this platform (needs
# internet); failing that it compiles one, which needs python3 with pip, make and g++.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 python3-pip make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY client/package.json client/
COPY e2e/package.json e2e/
# Only what the server runs on: the client is a static bundle by now, and the root and e2e have
# dev dependencies only. npm links @mashup/shared into node_modules as ../shared and may nest a
# few packages under server/node_modules, so the whole /app of this stage is copied below.
RUN npm ci --omit=dev --workspace server --workspace shared \
 && npm rebuild mediasoup --ignore-scripts=false \
 && test -x node_modules/mediasoup/worker/out/Release/mediasoup-worker \
 && rm -rf client e2e \
 && npm cache clean --force

# ---------------------------------------------------------------- runtime
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
COPY --from=deps /app ./
COPY --from=build /app/shared/dist shared/dist
COPY --from=build /app/server/dist server/dist
# The server finds the client at ../../../client/dist from server/dist/http (or at CLIENT_DIR).
COPY --from=build /app/client/dist client/dist

# Code stays owned by root and read-only for the process; uploads (slides, videos) go to
# DATA_DIR, a volume owned by node that every replica mounts.
RUN mkdir -p /data && chown node:node /data
USER node
ENV HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    SFU_LISTEN_IP=0.0.0.0
VOLUME ["/data"]
# HTTP/WebSocket, and the SFU's WebRTC ports (SFU_RTC_MIN_PORT–SFU_RTC_MAX_PORT, UDP preferred, TCP fallback).
EXPOSE 3000 40000-40100/udp 40000-40100/tcp

# node's own fetch: the slim image has no curl. /healthz answers 503 when the store is unreachable
# and while the process shuts down.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# node is PID 1 and handles SIGTERM itself (server/src/main.ts): it tells its clients, lets them
# reconnect to another process and records their presence before it exits.
CMD ["node", "server/dist/main.js"]
