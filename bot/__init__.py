"""smm-bot: sell an SMM panel's services inside Telegram."""
