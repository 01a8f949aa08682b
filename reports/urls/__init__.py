"""Report addresses are permanent: /reports/<id>/ (HTML) and /reports/<id>/pdf/ (PDF)."""

from . import editor, output, versions, workflow

app_name = "reports"

urlpatterns = [*workflow.urlpatterns, *editor.urlpatterns, *versions.urlpatterns, *output.urlpatterns]
