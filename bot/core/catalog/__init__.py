"""The catalog customers browse: every panel's services merged into products and routes,
cached, searched and priced with the admins' markup."""
