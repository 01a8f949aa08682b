"""Public pages of the organisation: councillors, the accessibility statement, the health check."""

from django.db import connection
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from council.models import Councillor, Party, Ward
from council.selectors import councillor_with_roles, councillors_listed


@require_safe
def councillor_list(request):
    party = request.GET.get("party") or None
    ward = request.GET.get("ward") or None
    return render(
        request,
        "council/councillor_list.html",
        {
            "councillors": councillors_listed(party=party, ward=ward),
            "parties": Party.objects.all(),
            "wards": Ward.objects.all(),
            "selected_party": party,
            "selected_ward": ward,
        },
    )


@require_safe
def councillor_detail(request, slug):
    try:
        councillor = councillor_with_roles(slug=slug)
    except Councillor.DoesNotExist:
        raise Http404("No councillor has that address.") from None
    return render(request, "council/councillor_detail.html", {"councillor": councillor})


@require_safe
def accessibility_statement(request):
    return render(request, "council/accessibility.html")


@never_cache
@require_safe
def healthz(request):
    """200 when the database answers; 503 otherwise (for load balancers and uptime checks)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not healthy"
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")
