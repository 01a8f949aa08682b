import pytest
from django.core.exceptions import ValidationError

from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("status", ["postponed", "cancelled"])
def test_meeting_not_held_without_reason_refused(status):
    meeting = MeetingFactory()
    meeting.status = status

    with pytest.raises(ValidationError) as error:
        meeting.full_clean()

    assert error.value.messages == ["Say why the meeting is postponed or cancelled."]


def test_meeting_postponed_with_reason_accepted():
    meeting = MeetingFactory()
    meeting.status = "postponed"
    meeting.status_reason = "The chair is unwell."

    meeting.full_clean()
