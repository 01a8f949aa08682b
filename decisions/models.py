"""Forward plan, decision records, call-in and scrutiny responses: see the decisions issue."""
