"""Rich text for report bodies: edited with django-prose-editor, sanitised with nh3 on save."""

from django_prose_editor.fields import ProseEditorField

# What authors may use: paragraphs, bold/italic/underline, lists, tables, links.
# The same list drives the editor's toolbar and the server-side allowlist, so what is stored is
# exactly what the editor can make, and safe to render anywhere.
REPORT_TEXT_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "Link": {"enableTarget": False, "autolink": False, "protocols": ["http", "https", "mailto"]},
    "History": True,
    "HTML": False,
    "SpecialCharacters": True,
}


class RichTextField(ProseEditorField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", REPORT_TEXT_EXTENSIONS)
        kwargs.setdefault("sanitize", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        kwargs.pop("extensions", None)
        kwargs.pop("sanitize", None)
        kwargs.pop("config", None)
        return name, "reports.models.rich_text.RichTextField", args, kwargs
