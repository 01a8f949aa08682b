"""Officer reports (summary sheet, body sections, recommendations, approvals): see the reports issue."""
