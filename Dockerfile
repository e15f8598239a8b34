# The Mini App's page, built once with Node; only the built files go into the image.
FROM node:20-slim AS page
WORKDIR /front
COPY bot/webapp/front/package.json bot/webapp/front/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY bot/webapp/front ./
RUN npm run --silent build

# Slim, non-root image; the database lives on the /data volume.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DATABASE_PATH=/data/smm-bot.sqlite3

WORKDIR /app
# The locked versions first (a layer of their own: rebuilt only when the lock changes).
COPY requirements.lock ./
RUN pip install --no-cache-dir --require-hashes -r requirements.lock
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY --from=page /static ./bot/webapp/static
COPY handlers ./handlers
COPY locales ./locales
RUN pip install --no-cache-dir --no-deps --no-build-isolation . \
    && useradd --create-home --uid 10001 smm \
    && mkdir -p /data && chown smm:smm /data

USER smm
VOLUME ["/data"]
CMD ["python", "-m", "bot"]
