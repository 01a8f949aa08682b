"""Background work for meetings (django-tasks): thin wrappers that take ids and call a service."""

from django_tasks import task

from .services.packs import pack_build_run


@task()
def build_meeting_packs(build_id: int) -> str:
    """Render all of a meeting's packs (see `services.packs.pack_build_run`)."""
    return pack_build_run(build_id=build_id).status
