"""Language names as GDELT writes them ('Malayalam', 'Chinese') to ISO 639-1 codes."""
from __future__ import annotations

from functools import cache

import pycountry

# GDELT names that are not ISO 639 reference names.
_GDELT_NAMES = {"chinese": "zh", "persian": "fa", "farsi": "fa", "greek": "el", "swahili": "sw", "malay": "ms",
                "nepali": "ne", "albanian": "sq", "latvian": "lv", "estonian": "et", "azerbaijani": "az",
                "uzbek": "uz", "mongolian": "mn", "pashto": "ps", "kurdish": "ku", "oriya": "or", "punjabi": "pa"}


@cache
def language_code(name: str | None) -> str | None:
    """ISO 639-1 code for an English language name, or a code passed through; None when unknown."""
    if not name:
        return None
    key = name.strip().casefold()
    if key in _GDELT_NAMES:
        return _GDELT_NAMES[key]
    if len(key) == 2 and key.isalpha():
        return key
    lang = pycountry.languages.get(name=name.strip().title()) or pycountry.languages.get(alpha_3=key)
    return getattr(lang, "alpha_2", None) if lang else None
