"""Is the situation declared over? "Under control", "calm has returned", "curfew lifted" (pure).

Used by the analysis (an event declared under control is not ongoing) and by the
deduplication (a later report declaring it is an "all clear" update).
"""
from __future__ import annotations

import re

from bot.analysis.gate import Gated

# On folded text (lower case, accents removed).
ALL_CLEAR = Gated(re.compile(
    r"\b(?:(?:situation|area|city) (?:is |was |has been )?(?:now )?(?:back )?under control|calm (?:has )?returned|"
    r"returned to calm|all[- ]clear|(?:lockdown|curfew|shelter[- ]in[- ]place)[^.]{0,30}\blifted|"
    r"siege (?:is |was |has )?(?:over|ended)|situation (?:est )?(?:desormais )?sous controle|retour au calme|"
    r"le calme est revenu|couvre-feu[^.]{0,30}leve)"
), "control", "calm", "all clear", "all-clear", "lifted", "siege", "couvre-feu")  # one in every match


def is_all_clear(folded: str) -> bool:
    return ALL_CLEAR.search(folded) is not None
