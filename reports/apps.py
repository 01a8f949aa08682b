from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    # `manage.py demo` calls this after the organisation and the meetings (see council.demo).
    demo_loader = "reports.demo.load_demo"
