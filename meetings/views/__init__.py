"""Meeting pages: public (home, committees, meetings and packs) and staff (the agenda builder)."""
