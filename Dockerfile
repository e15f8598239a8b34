# Slim, non-root image; the database lives on the /data volume.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DATABASE_PATH=/data/smm-bot.sqlite3

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY locales ./locales
RUN pip install --no-cache-dir ".[scale]" \
    && useradd --create-home --uid 10001 smm \
    && mkdir -p /data && chown smm:smm /data

USER smm
VOLUME ["/data"]
CMD ["python", "-m", "bot"]
