"""Background work for meetings (django-tasks): thin wrappers that take ids and call a service."""

from django_tasks import TaskContext, task

from .services.packs import pack_build_run


@task(takes_context=True)
def build_meeting_packs(context: TaskContext, build_id: int) -> str:
    """Render all of a meeting's packs (see `services.packs.pack_build_run`)."""
    return pack_build_run(build_id=build_id, task_id=context.task_result.id).status
