"""Where the council's papers are kept: private storage with no public address (R4).

Every paper Witan stores (uploaded appendices and item documents, packs, rendered documents) goes to
the "documents" storage: by default a folder, `DOCUMENTS_ROOT`, that no web server serves. A file is
only ever read out through a view that asks the visibility rules (`council.downloads` sends it), so a
confidential pack or an exempt appendix cannot be fetched by guessing its name, and names are random
anyway. `MEDIA_ROOT` keeps only what is public by nature (the council's logo, councillors' photos).

Production may put the papers in an object store instead (`DOCUMENTS_STORAGE`): a private bucket,
never one with public read access; Witan then streams each file through its view.
"""

import secrets
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property

DOCUMENTS = "documents"


class PrivateFileSystemStorage(FileSystemStorage):
    """Files under `DOCUMENTS_ROOT`, which have no URL: asking for one is a programming error."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.DOCUMENTS_ROOT)

    def url(self, name):
        raise ValueError(
            "Papers have no public address: send them with council.downloads.document_response from a "
            "view that asks the visibility rules."
        )

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "DOCUMENTS_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)


def documents_storage():
    """The storage every paper is kept in (a callable, so FileFields and migrations name it)."""
    return storages[DOCUMENTS]


def unguessable_name(folder: str, filename: str = "") -> str:
    """ "packs/Yb3…Qk.pdf": a random name that says nothing about what the file holds."""
    suffix = PurePosixPath(filename).suffix.lower() or ".pdf"
    return f"{folder}/{secrets.token_urlsafe(24)}{suffix}"


@deconstructible(path="council.storage.UnguessableName")
class UnguessableName:
    """`upload_to` for papers: the original file name is not kept in the stored name."""

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        return unguessable_name(self.folder, filename)

    def __eq__(self, other):
        return isinstance(other, UnguessableName) and other.folder == self.folder
