"""The Telegram UI layer: callback data, keyboards, texts and the views the core talks through."""
