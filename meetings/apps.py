from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "meetings"
    # `manage.py demo` calls this after loading the demo council's organisation (see council.demo).
    demo_loader = "meetings.demo.load_demo"
