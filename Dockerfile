# Actiewijzer's image: the TypeScript sources run by tsx (a runtime dependency), as the unprivileged user node.
FROM node:20-slim

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/data \
    CORPUS_DIR=/app/corpus

WORKDIR /app

# Dependencies first, so a source change does not reinstall them; tsx stays because it is a runtime dependency.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

COPY tsconfig.json ./
COPY src ./src
COPY prompts ./prompts
COPY corpus ./corpus

# Only the data directory is writable for the app (embedded PGlite when no DATABASE_URL is set).
RUN mkdir -p /app/data && chown node:node /app/data
USER node

EXPOSE 3000

# Ingesting the corpus with Ollama embeddings on a CPU can take minutes before /health answers.
HEALTHCHECK --interval=30s --timeout=5s --start-period=600s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# Same as `npm start` (tsx src/server.ts), but one node process: SIGTERM from `docker stop` reaches the
# server's graceful shutdown directly instead of going through npm and tsx's wrapper process.
CMD ["node", "--import", "tsx", "src/server.ts"]
