"""Staff: the owner (ADMIN_IDS) and the people they give a role (issue 37)."""
