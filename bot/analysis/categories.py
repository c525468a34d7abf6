"""The kinds of incident the bot reports, and what each one means. The single place to read
before changing a detection rule in detect.py.

Exactly one primary kind per item. When a story has several (gunmen who also set off a
bomb), the kind chosen is the one a traveller must react to first, in PRIORITY order.
"""
from __future__ import annotations

from bot.analysis.facts import Category

MEANING: dict[Category, str] = {
    Category.ARMED_ATTACK: "Armed assault by people: gunmen or militants raiding a place, storming a base, "
    "hotel, school or village, ambushing a convoy, a massacre. Includes terrorist assaults without bombs.",
    Category.BOMBING: "Explosions set off on purpose: IEDs, suicide and car bombs, grenade attacks, "
    "also attempted or defused devices. Not gas leaks or industrial accidents.",
    Category.SHOOTING: "Gunfire without a wider assault: mass shootings, a gunman opening fire, "
    "targeted killings by shooting, snipers.",
    Category.KIDNAPPING: "Abductions, hostage-taking and hijackings.",
    Category.UNREST: "Protests, demonstrations, riots and violent clashes between crowds and security forces.",
    Category.MILITARY: "Action by armed forces: coups and mutinies, air and drone strikes, shelling, "
    "missile strikes, offensives and fighting between armies or with armed groups.",
    Category.DISRUPTION: "Security measures that stop movement: airport, airspace, border or road closures, "
    "curfews, lockdowns, evacuations, shelter-in-place orders, bomb-threat diversions.",
    Category.CRIME: "Serious violent crime affecting the public that is none of the above "
    "(for example a gang's attack on a market). Ordinary crime, arrests and trials are not incidents.",
    Category.DISASTER: "A natural hazard (earthquake, cyclone, flood, volcano) reported by a structured source "
    "(GDACS) with its own alert level; never detected from article text.",
    Category.NONE: "Not a security incident: politics, sport, business, disasters and accidents, "
    "court cases, anniversaries, drills, cyber attacks without physical effect.",
}

# When several kinds score alike, the first here wins: the most urgent for a person nearby.
PRIORITY: tuple[Category, ...] = (
    Category.BOMBING,
    Category.KIDNAPPING,  # before armed attack: kidnappers are usually "gunmen" too
    Category.ARMED_ATTACK,
    Category.SHOOTING,
    Category.MILITARY,
    Category.UNREST,
    Category.DISRUPTION,
    Category.CRIME,
)

LABEL: dict[Category, str] = {
    Category.ARMED_ATTACK: "Armed attack",
    Category.BOMBING: "Bombing / explosion",
    Category.SHOOTING: "Shooting",
    Category.KIDNAPPING: "Kidnapping",
    Category.UNREST: "Unrest",
    Category.MILITARY: "Military action",
    Category.DISRUPTION: "Security disruption",
    Category.CRIME: "Violent crime",
    Category.DISASTER: "Natural disaster",
    Category.NONE: "No incident",
}

# The kind as it reads in a sentence ("9 killed in military action", "an armed attack targeting a hotel").
PHRASE: dict[Category, str] = {
    Category.ARMED_ATTACK: "an armed attack",
    Category.BOMBING: "a bombing",
    Category.SHOOTING: "a shooting",
    Category.KIDNAPPING: "a kidnapping",
    Category.UNREST: "unrest",
    Category.MILITARY: "military action",
    Category.DISRUPTION: "a security disruption",
    Category.CRIME: "a violent crime",
    Category.DISASTER: "a natural disaster",
    Category.NONE: "an event",
}
