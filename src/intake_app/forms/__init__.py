"""The forms layer: what a record may contain.

Form definitions are data (canonical JSON, see ``docs/forms.md``); records are
validated against the exact form version they were made with. Pure Python:
nothing here imports Qt.
"""

from intake_app.forms.engine import (
    FormState,
    attachment_refs,
    choices_for,
    compute,
    evaluate,
    evaluate_relevance,
    validate_record,
)
from intake_app.forms.expr import ExprError, compile_expression, parse, to_source
from intake_app.forms.i18n import (
    CORE_LANGUAGES,
    normalize_digits,
    normalize_numeric,
    text_direction,
)
from intake_app.forms.model import (
    FIELD_TYPES,
    Choice,
    FieldInfo,
    Form,
    FormField,
    Language,
)
from intake_app.forms.registry import (
    FormRegistry,
    builtin_forms_dir,
    load_form_file,
    version_key,
)
from intake_app.forms.xlsform import import_xlsform

__all__ = [
    "CORE_LANGUAGES",
    "FIELD_TYPES",
    "Choice",
    "ExprError",
    "FieldInfo",
    "Form",
    "FormField",
    "FormRegistry",
    "FormState",
    "Language",
    "attachment_refs",
    "builtin_forms_dir",
    "choices_for",
    "compile_expression",
    "compute",
    "evaluate",
    "evaluate_relevance",
    "import_xlsform",
    "load_form_file",
    "normalize_digits",
    "normalize_numeric",
    "parse",
    "text_direction",
    "to_source",
    "validate_record",
    "version_key",
]
