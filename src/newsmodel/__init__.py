"""newsmodel."""
