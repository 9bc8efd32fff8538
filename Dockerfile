# syntax=docker/dockerfile:1
# 简报问答 — the Telegram bot, compiled, as a non-root service.
#
#   docker build -t jianbao-wenda .
#   docker run -d --env-file .env -v jianbao-index:/data/index -v "$PWD/seeds:/data/seeds:ro" jianbao-wenda
#
# Build tools (python3, make, g++ for nodejieba's native addon; TypeScript) stay in the build
# stage. The image needs no network at run time: dependencies, the compiled code and jieba's
# dictionaries are inside, and the index of the bundled seeds is built here.

ARG NODE_VERSION=20.20.2

FROM node:${NODE_VERSION}-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
# MALLOC_ARENA_MAX=1: one malloc arena instead of one per V8 worker thread; the arenas the
# compiler and GC threads fill while answering are otherwise kept, ~15 MB of resident memory.
ENV NODE_ENV=production \
    MALLOC_ARENA_MAX=1 \
    SEEDS_DIR=/data/seeds \
    INDEX_DIR=/data/index \
    HEALTH_PORT=8081 \
    PORT=8080
WORKDIR /app
COPY --from=build --chown=root:root /app/package.json ./package.json
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --chown=node:node seeds /data/seeds
RUN mkdir -p /data/index && chown node:node /data/index
# The user the image ships (uid 1000): code is read-only to it, only /data/index is writable.
USER node
# Built now, so the first start only loads it. A fresh named volume on /data/index is seeded
# with it; an empty bind mount (or changed seeds) is (re)built at start instead.
RUN node dist/cli.js index --seeds /data/seeds --out /data/index
VOLUME ["/data/seeds", "/data/index"]
# 8080: webhook mode (POST <path of WEBHOOK_URL>, GET /healthz). 8081: /healthz in polling mode.
EXPOSE 8080 8081
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "const p=process.env.BOT_MODE==='webhook'?process.env.PORT:process.env.HEALTH_PORT;fetch('http://127.0.0.1:'+p+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM: the bot stops polling (or closes the server) and exits within 5 s.
STOPSIGNAL SIGTERM
# A small young generation (1 MB semi-spaces instead of up to 16): ~25 MB less resident memory
# for a bot whose live heap is ~20 MB, at no measurable cost per answer (BENCHMARKS.md).
CMD ["node", "--max-semi-space-size=1", "dist/main.js"]
