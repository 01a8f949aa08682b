"""What the Cabinet reports share."""

OSMB = "overview-and-scrutiny-management-board"
NO_HR = "No implications for staff."
NO_PROCUREMENT = "No goods, works or services are being bought."
