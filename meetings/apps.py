from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "meetings"
    # `manage.py demo` calls this after loading the demo council's organisation (see council.demo).
    demo_loader = "meetings.demo.load_demo"
    # ...and this once the reports are loaded too: the agendas need both (see meetings.demo_agendas).
    demo_after_loader = "meetings.demo_agendas.load_demo"
