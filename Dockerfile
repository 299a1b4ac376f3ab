# One image per service, built from the monorepo: docker build --build-arg SERVICE=request-intake .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches patches
COPY libs libs
COPY services services
COPY tests/package.json tests/package.json
COPY tsconfig.base.json tsconfig.build.json ./
RUN npm ci --no-audit --no-fund && npx tsc -b tsconfig.build.json && npm prune --omit=dev

FROM node:20-bookworm-slim
ARG SERVICE
ENV NODE_ENV=production HOST=0.0.0.0 SERVICE=${SERVICE}
WORKDIR /app
COPY --from=build /app /app
# The provenance log's development note key is created at first start in .local/provenance (a volume
# in docker-compose.yml, so the log keeps its key): the service's user must be able to write there.
RUN mkdir -p /app/.local/provenance && chown node:node /app/.local/provenance
USER node
CMD ["sh", "-c", "exec node services/${SERVICE}/dist/main.js"]
