# syntax=docker/dockerfile:1
# Accord: one image for the API, the projector and the CLI (`accord verify`, `accord token`).
# Not built on the project's machines (no Docker there); see README "Deployment".

# --- build: full toolchain, dev dependencies, better-sqlite3 compiled from source ---
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig*.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build && npm prune --omit=dev

# --- runtime: no compiler, no dev dependencies, not root ---
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    ACCORD_DATA_DIR=/var/lib/accord
WORKDIR /app
COPY --from=build --chown=root:root /app/package.json ./
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
# The code is root's and read-only to the service; only its data dir is writable.
RUN mkdir -p /var/lib/accord && chown node:node /var/lib/accord && ln -s /app/dist/apps/cli/src/main.js /usr/local/bin/accord
USER node
VOLUME ["/var/lib/accord"]
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/apps/api/src/main.js"]
