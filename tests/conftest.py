from datetime import date

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone

from council.roles import Role

from .factories import TEST_PASSWORD, MunicipalYearFactory, UserFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture(autouse=True, scope="session")
def _media_in_a_temporary_folder(tmp_path_factory):
    """Uploads, minutes and packs the tests make go to temporary folders, never the project's own."""
    with override_settings(
        MEDIA_ROOT=tmp_path_factory.mktemp("media"), DOCUMENTS_ROOT=tmp_path_factory.mktemp("documents")
    ):
        yield


@pytest.fixture
def current_year(db):
    """The municipal year containing today (from 20 May to 19 May), so "current" tests never go stale."""
    today = timezone.localdate()
    start_year = today.year if today >= date(today.year, 5, 20) else today.year - 1
    return MunicipalYearFactory(start_date=date(start_year, 5, 20), end_date=date(start_year + 1, 5, 19))


@pytest.fixture
def democratic_services(db):
    return UserFactory(
        username="clerk", first_name="Dana", last_name="Clerk", roles=[Role.DEMOCRATIC_SERVICES]
    )


@pytest.fixture
def clerk_client(client, democratic_services):
    client.force_login(democratic_services)
    return client


@pytest.fixture
def password():
    return TEST_PASSWORD
