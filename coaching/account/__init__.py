"""A person's account: signing in, the lockout page, language and preferences."""
