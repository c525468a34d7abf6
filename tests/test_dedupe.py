"""One incident, one alert: fingerprints, clustering decisions and follow-ups (pure)."""
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from bot.analysis.facts import ArticleMeta, Category, Facts, Severity
from bot.dedupe.changes import IncidentState, material_changes, state_of
from bot.dedupe.cluster import KnownIncident, Report, choose_incident, compatible
from bot.dedupe.followup import is_follow_up, speaks_of_violence
from bot.dedupe.messages import render_update_html, sources_line
from bot.dedupe.sketch import conflicts, content_hash, fact_terms, key_terms, similarity, sketch, stem, term_overlap, title_hash

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
BAMAKO = (2460596, 12.65, -8.0)
STORY = ("Gunmen stormed the Radisson Blu hotel in Bamako on Friday morning, killing at least three people "
         "and taking guests hostage, security sources said. Special forces surrounded the building.")


def report(text: str, *, title: str = "", category: Category = Category.ARMED_ATTACK, city=BAMAKO, country="ML",
           at: datetime = T0, killed: int | None = None) -> Report:
    gid, lat, lon = city if city else (None, None, None)
    return Report(category, country, gid, lat, lon, at, sketch(title, text),
                  key_terms(title, text, place_names=["Bamako", "Mali"]), killed, is_follow_up(title, text))


def known(r: Report, incident_id: int = 1) -> KnownIncident:
    return KnownIncident(incident_id, r.category, r.country, r.geonameid, r.lat, r.lon, r.published, r.published,
                         r.sketch, r.terms, r.killed)


def test_exact_fingerprints_ignore_case_accents_and_markup() -> None:
    assert content_hash("Attaque à Bamako!", "Des tirs.") == content_hash("ATTAQUE A BAMAKO", "des   tirs")
    assert content_hash("a", "b") != content_hash("a", "c")
    assert title_hash("Explosion") is None  # too generic to identify a story
    assert title_hash("Gunmen attack hotel in Bamako") == title_hash("gunmen attack HOTEL in Bamako.")


def test_syndicated_copy_is_a_near_duplicate_and_other_story_is_not() -> None:
    copy = STORY.replace("Friday morning", "Friday") + " The attack began at 7 a.m."
    other = "Floods swept through the suburbs of Niamey after days of heavy rain, destroying hundreds of homes."
    assert similarity(sketch("", STORY), sketch("", copy)) > 0.5
    assert similarity(sketch("", STORY), sketch("", other)) < 0.05


def test_place_words_do_not_count_as_shared_evidence() -> None:
    terms = key_terms("Attack in Bamako", "Gunmen attacked a hotel in Bamako, Mali.", place_names=["Bamako", "Mali"])
    assert not {t.lower() for t in terms} & {"bamako", "mali"}
    assert "hotel" in terms


def test_names_weigh_more_than_generic_words() -> None:
    names = term_overlap(frozenset({"RADISS", "hotel"}), frozenset({"RADISS", "market"}))
    generic = term_overlap(frozenset({"killed", "hotel"}), frozenset({"killed", "market"}))
    assert names > generic


def test_another_outlets_report_of_the_same_attack_joins_it() -> None:
    first = report(STORY)
    second = report("Armed men attacked the Radisson Blu hotel in Bamako, Mali, and took about 170 guests and "
                    "staff hostage. At least three people were killed, officials said.",
                    at=T0 + timedelta(hours=2), killed=3)
    verdict = choose_incident(second, [known(first)])
    assert verdict is not None and verdict.incident_id == 1


def test_attack_and_protest_same_day_same_city_stay_apart() -> None:
    protest = report("Thousands marched in Bamako against the rising cost of living; police fired tear gas.",
                     category=Category.UNREST, at=T0 + timedelta(hours=3))
    assert not compatible(Category.ARMED_ATTACK, Category.UNREST)
    assert choose_incident(protest, [known(report(STORY))]) is None


def test_two_attacks_in_one_city_a_day_apart_stay_apart() -> None:
    market = report("An explosive device went off at the Grand Marche in Bamako, wounding five vendors, police said.",
                    category=Category.BOMBING, at=T0 + timedelta(hours=26))
    assert choose_incident(market, [known(report(STORY))]) is None


def test_a_report_from_another_country_never_joins() -> None:
    niamey = report(STORY.replace("Bamako", "Niamey"), city=(2440485, 13.51, 2.11), country="NE")
    assert choose_incident(niamey, [known(report(STORY))]) is None


def test_reports_outside_the_window_start_a_new_incident() -> None:
    late = report(STORY, at=T0 + timedelta(days=3))
    assert choose_incident(late, [known(report(STORY))]) is None
    assert choose_incident(late, [known(report(STORY))], window=timedelta(days=7), strict=True) is not None


def facts(**kw) -> Facts:  # type: ignore[no-untyped-def]
    return Facts(is_incident=True, category=Category.ARMED_ATTACK, **kw)


def test_death_toll_rise_is_a_material_change_and_a_repeat_is_not() -> None:
    old = IncidentState(killed=3, severity=Severity.HIGH)
    lines, merged = material_changes(old, state_of(facts(killed=21, severity=Severity.CRITICAL), "21 killed"))
    assert lines == ["Death toll rises to 21 (was 3)", "Severity raised to CRITICAL"]
    again, _ = material_changes(merged, state_of(facts(killed=21, severity=Severity.CRITICAL), "Gunmen killed 21."))
    assert again == []


def test_casualties_not_told_apart_are_not_called_injured_in_an_update() -> None:
    """"Le bilan s'alourdit à 20 victimes" after 8 wounded read "20 injured (was 8)"."""
    old = IncidentState(injured=8, severity=Severity.MEDIUM)
    lines, _ = material_changes(old, state_of(facts(injured=20, injured_or_killed=True), "20 victimes"))
    assert lines == ["20 casualties, killed or injured (was 8)"]
    lines, _ = material_changes(old, state_of(facts(injured=20), "20 wounded"))
    assert lines == ["20 injured (was 8)"]


def test_airport_closure_reopening_and_all_clear() -> None:
    closed = state_of(facts(), "The international airport was closed and flights suspended.")
    lines, merged = material_changes(IncidentState(), closed)
    assert lines == ["Airport closed"]
    lines, merged = material_changes(merged, state_of(facts(), "The airport reopened on Sunday; flights resumed."))
    assert lines == ["Airport reopened"]
    lines, _ = material_changes(merged, state_of(facts(), "Officials said the situation is now under control."))
    assert lines == ["Authorities say the situation is under control"]
    fr, _ = material_changes(IncidentState(), state_of(facts(), "Le calme est revenu, la situation est sous contrôle."))
    assert fr == ["Authorities say the situation is under control"]


def test_reopening_without_a_reported_closure_says_nothing() -> None:
    lines, _ = material_changes(IncidentState(), state_of(facts(), "The airport reopened after renovation."))
    assert lines == []


def test_source_count_and_update_text_are_escaped() -> None:
    assert sources_line(["A"]) == "Single source so far (unconfirmed)."
    assert sources_line(["A", "B", "C"]) == "Reported by 3 independent sources: A, B, C."
    html = render_update_html("Bamako, Mali", ["Death toll rises to 21"],
                              ArticleMeta(title="t", url="https://x.example/?a=1&b=<2>", source="<b>Feed</b>"))
    assert "&lt;b&gt;Feed&lt;/b&gt;" in html and "a=1&amp;b=&lt;2&gt;" in html and "Death toll rises to 21" in html


def test_copies_of_one_wire_story_never_count_as_confirmation() -> None:
    assert sources_line(["AFP"], ["Site A", "Site B"]) == (
        "Single source so far (unconfirmed). The same report was carried by 2 more outlets.")
    assert sources_line(["AFP", "Reuters"], ["Site A"]) == (
        "Reported by 2 independent sources: AFP, Reuters. The same report was carried by 1 more outlet.")


def test_follow_ups_are_reports_that_point_back_at_a_known_event() -> None:
    assert is_follow_up("Death toll from Friday's attacks in Bamako rises to 27", "")
    assert is_follow_up("", "The death toll from the hotel siege stands at 27, the government said.")
    assert is_follow_up("JNIM claims responsibility for the Bamako attack", "")
    assert is_follow_up("", "One of the attackers has been identified as a 24-year-old from Mopti.")
    assert is_follow_up("Mali : le bilan de l'attaque s'alourdit", "")
    assert is_follow_up("", "Officials say three people died in the Saint-Denis raid.")
    assert is_follow_up("", "A cousin of one of the Paris attackers was found dead.")
    assert is_follow_up("", "Au lendemain de l'attentat, la ville reste sous le choc.")
    # A first report often ends by saying nobody has claimed it: that is not pointing back.
    assert not is_follow_up("Gunmen storm hotel in Bamako", STORY + " Many witnesses described scenes of panic "
                            "in the lobby and the street outside. No group has claimed responsibility for the attack.")
    assert not is_follow_up("Explosion at a market in Bamako", "Five people were killed in the attack, police said.")


def test_a_follow_up_with_new_names_and_numbers_joins_the_event_at_its_place() -> None:
    later = "Prosecutors have named two suspects caught on CCTV cameras. The death toll now stands at 21."
    follow_up = report(later, at=T0 + timedelta(hours=30), killed=21)
    assert follow_up.follow_up
    assert choose_incident(follow_up, [known(report(STORY))]) is not None
    # The same words without pointing back are not enough evidence to call it the same event ...
    plain = report(later.replace("The death toll now stands at 21.", ""), at=T0 + timedelta(hours=30), killed=21)
    assert not plain.follow_up and choose_incident(plain, [known(report(STORY))]) is None
    # ... and pointing back does not carry a report to another city.
    elsewhere = report(later, city=(2440485, 13.51, 2.11), country="NE", at=T0 + timedelta(hours=30))
    assert choose_incident(elsewhere, [known(report(STORY))]) is None


def test_a_follow_up_naming_only_the_country_joins_that_days_event_if_it_shares_something() -> None:
    first = report(STORY)
    toll = report("The death toll rises to 21 as more bodies are found in the hotel, the government says.",
                  city=None, at=T0 + timedelta(hours=6), killed=21)
    assert toll.follow_up and choose_incident(toll, [known(first)]) is not None
    # Nothing in common but "the attack": pointing back is not enough without the city.
    claim = report("An armed group claims responsibility for the attack on a checkpoint, officials said.",
                   city=None, at=T0 + timedelta(hours=6))
    assert claim.follow_up and choose_incident(claim, [known(first)]) is None
    # Two days on, a follow-up naming only the country is no longer taken for that city's event.
    assert choose_incident(replace(toll, published=T0 + timedelta(hours=40)), [known(first)]) is None


def test_clashes_called_unrest_by_one_outlet_and_fighting_by_another_join() -> None:
    text = ("Seven people died in clashes between security forces and worshippers taking part in a religious "
            "festival in Bamako, residents said.")
    unrest = report(text, category=Category.UNREST)
    fighting = report(text.replace("Seven people died", "At least seven people were killed"),
                      category=Category.MILITARY, at=T0 + timedelta(hours=1))
    assert choose_incident(fighting, [known(unrest)]) is not None
    assert not compatible(Category.ARMED_ATTACK, Category.UNREST)


def test_nationalities_alone_do_not_set_two_reports_apart() -> None:
    a = key_terms("", "Malian troops repelled an assault on the Kati barracks, the army said.")
    b = key_terms("", "French officials said the attackers had come from the north, in a statement from Paris.")
    assert conflicts(a, key_terms("", "Malian soldiers fought off gunmen at the barracks.")) == 0
    assert conflicts(frozenset({"MALIAN", "KATI"}), frozenset({"FRENCH", "barrac"})) == 0
    assert conflicts(frozenset({"KATI", "barrac"}), frozenset({"SEVARE", "barrac"})) == 1
    # What was hit and who did it are different details: naming one and the other is no conflict.
    assert conflicts(frozenset({"hotel", "gunmen"}), frozenset({"taliba", "gunmen"})) == 0
    assert conflicts(frozenset({"hotel"}), frozenset({"market"})) == 1
    assert conflicts(frozenset({"taliba"}), frozenset({"shabaa"})) == 1
    assert a and b


def test_a_shared_nationality_or_region_does_not_make_two_named_events_one() -> None:
    # Two bombings in Paris claimed by different groups: only "Spanish" and "Paris" in common.
    ibm = key_terms("", "A bomb exploded in the Paris offices of IBM. A Spanish anarchist organization, "
                        "the International Revolutionary Group, claimed responsibility.", place_names=["Paris"])
    elysees = key_terms("", "An anarchist group named after Puig Antich, a Spanish anarchist executed in Spain, "
                            "claimed an explosion on the Champs Elysees.", place_names=["Paris"])
    assert conflicts(ibm, elysees) == 1
    # A state is a place, compared apart: "Jalisco" against the president's name is no conflict.
    jalisco = key_terms("", "An ambush on Mexican police in Ocotlan, Jalisco state kills five officers.",
                        place_names=["Ocotlán", "Mexico"])
    nieto = key_terms("", "Gunmen ambushed a police convoy, President Enrique Pena Nieto said.")
    assert conflicts(jalisco, nieto) == 0


def test_places_after_in_and_titles_are_not_names_that_tie_two_events() -> None:
    # Two shootings of police officers in New York on consecutive days: different officers named.
    manhattan = key_terms("", "Patrolmen William Kivlehan and Ralph Bax were shot at from a rooftop after a fake "
                              "call lured them to a street in Manhattan, New York.", place_names=["Manhattan"])
    queens = key_terms("", "Police officer Joseph Blik was on foot patrol in Queens, New York when two men in a "
                           "car fired at him.", place_names=["Queens"])
    assert "YORK" not in queens and "york" in queens  # kept as a word, not as a name
    assert conflicts(manhattan, queens) == 1


def test_the_same_people_named_outweigh_different_details() -> None:
    charged = key_terms("", "Anthony Sawina faces five counts of assault after shooting near the University "
                            "campus in Dinkytown, Minneapolis.")
    mosque = key_terms("", "A man who shot at a group of Muslims on their way to a mosque in Dinkytown was "
                           "charged; Anthony Sawina, 26, faces five counts.")
    assert conflicts(charged, mosque) == 0  # "university" and "mosque" differ, the man and the street do not
    other = key_terms("", "A man who shot at worshippers on their way to a mosque was arrested by police.")
    assert conflicts(charged, other) == 1


def test_the_un_or_an_airport_named_on_both_sides_is_shared_evidence() -> None:
    first = report("Three UNHCR workers were kidnapped by unidentified gunmen in Bamako, the agency said.",
                   category=Category.KIDNAPPING)
    vague = report("Two Nepalese and one Sudanese UN staff were kidnapped and taken to an unknown location.",
                   category=Category.KIDNAPPING, city=None, at=T0 + timedelta(minutes=5))
    assert choose_incident(vague, [known(first)]) is None  # few words in common, and no city on one side
    un = fact_terms(un_involved=True, airports=())
    both_un = replace(vague, terms=vague.terms | un)
    assert choose_incident(both_un, [known(replace(first, terms=first.terms | un))]) is not None
    assert fact_terms(un_involved=False, airports=("BKO",)) == frozenset({"@bko"})


def test_a_late_follow_up_is_filed_under_the_closed_incident_and_a_new_event_is_not() -> None:
    closed = known(report(STORY))
    late = report("Prosecutors named two suspects caught on CCTV. The death toll from the hotel siege now stands at 21.",
                  at=T0 + timedelta(days=3), killed=21)
    assert choose_incident(late, [closed], window=timedelta(days=7), strict=True) is not None
    other = report("Gunmen opened fire on worshippers at a church on the edge of the city, killing four.",
                   at=T0 + timedelta(days=3), killed=4)
    assert choose_incident(other, [closed], window=timedelta(days=7), strict=True) is None


def test_a_calm_report_that_speaks_of_the_violence_needs_less_than_an_unrelated_story() -> None:
    assert speaks_of_violence("", "The students were protesting against a rise in school fees.")
    assert speaks_of_violence("Japon : le tueur a été exécuté", "Il avait tué huit enfants.")
    assert not speaks_of_violence("Messi : l'attaquant bat le record", "Il a marqué son 644e but.")
    shooting = report("A gunman shot two worshippers outside a mosque in Bamako; police are hunting him.",
                      category=Category.SHOOTING)
    text = "A 26-year-old man was charged on Thursday over the shooting outside the mosque, prosecutors said after a hearing."
    calm = replace(report(text, category=Category.NONE, city=None, at=T0 + timedelta(hours=2)),
                   violent=speaks_of_violence("", text))
    assert calm.violent and choose_incident(calm, [known(shooting)]) is not None
    unrelated = replace(calm, violent=False)  # the same words from a story about something else
    assert choose_incident(unrelated, [known(shooting)]) is None


def test_french_elisions_and_possessives_give_the_word_itself() -> None:
    assert stem("l'attaque") == stem("attaque") and stem("d'otages") == stem("otages")
    assert stem("Syria's".lower()) == stem("syria")
    terms = key_terms("L'attaque d'un camp de l'armée", "Friday's attack on the camp of the army.")
    assert {stem("attaque"), stem("armee")} <= terms and "l" not in terms and "FRIDAY" not in terms


def test_words_of_one_event_match_across_their_forms() -> None:
    assert {stem(w) for w in ("kills", "killed", "killing")} == {"kill"}
    assert {stem(w) for w in ("stabs", "stabbed", "stabbing")} == {"stab"}
    assert {stem(w) for w in ("bombing", "bombings")} == {"bomb"}
    assert stem("clashes") == stem("clash") and stem("Syria's".lower()) == "syria"
    assert stem("forces") == stem("force") and stem("injured") == stem("injures")
    assert stem("gunmen") == stem("gunman") and stem("policemen") == stem("policeman") and stem("women") == "women"
    a = key_terms("", "An assailant stabbed three shoppers at the central market, police said.")
    b = key_terms("", "The stabbing at the market wounded three, and the assailant was arrested.")
    assert term_overlap(a, b) > 0.5


def test_a_follow_up_naming_only_the_country_joins_its_only_recent_event_whatever_its_words() -> None:
    first = report(STORY)
    blame = report("Insurgents fought for 13 hours before the last one was shot dead. The government blames "
                   "the attack on the Haqqani network.", city=None, at=T0 + timedelta(hours=28))
    assert blame.follow_up and choose_incident(blame, [known(first)]) is not None
    # Two events in the country that day: which one it points back at is anyone's guess.
    other = report("A roadside bomb hit a UN convoy near Gao, killing two peacekeepers.", category=Category.BOMBING,
                   city=(2457163, 16.27, -0.04), at=T0 + timedelta(hours=3))
    assert choose_incident(blame, [known(first), known(other, 2)]) is None
    # A calm story that day is no second event; the same words without pointing back are no follow-up.
    calm = report("Parliament passed the budget.", category=Category.NONE, at=T0 + timedelta(hours=3))
    assert choose_incident(blame, [known(first), known(calm, 3)]) is not None
    plain = replace(blame, follow_up=False)
    assert choose_incident(plain, [known(first)]) is None
    # Nor does it reach an event of another country, or one two days old.
    assert choose_incident(replace(blame, country="NE"), [known(first)]) is None
    assert choose_incident(replace(blame, published=T0 + timedelta(hours=50)), [known(first)]) is None


def test_pointing_back_at_an_event_by_blame_or_pictures_is_a_follow_up() -> None:
    assert is_follow_up("", "The Afghan government blames the attack on the Pakistan-based Haqqani network.")
    assert is_follow_up("", "Le gouvernement attribue l'attentat au groupe JNIM.")
    assert is_follow_up("", "Video emerged showing soldiers in disguise as they burst in to make an arrest.")
    assert not is_follow_up("", "Gunmen attacked a hotel; the mayor blamed the army for the slow response.")


def test_a_calm_report_naming_the_same_people_as_an_incident_joins_it() -> None:
    protest = report("Security forces shot dead six people at a march against President Joseph Kabila organised "
                     "by the Catholic church in Bamako, a UN mission said.", category=Category.UNREST)
    ban = report("The Kabila government blocks internet access after a Catholic lay group called a march in "
                 "defiance of a ban on demonstrations.", category=Category.NONE, city=None,
                 at=T0 + timedelta(minutes=30))
    assert choose_incident(ban, [known(protest)]) is not None
    # Two calm stories about the same people are still two stories.
    rally = replace(protest, category=Category.NONE)
    assert choose_incident(ban, [known(rally)]) is None


def test_groups_and_targets_named_in_capitals_are_compared_by_kind_not_as_names() -> None:
    hotel = key_terms("", "Gunmen launch an attack on the Intercontinental Hotel in Kabul.", place_names=["Kabul"])
    claim = key_terms("", "The Afghan Interior Ministry says the siege ended. The government blames the Haqqani "
                          "network; the Taliban said they sent the fighters.")
    assert conflicts(hotel, claim) == 0  # the hotel against the group (and the ministry quoted is no target)
    assert conflicts(claim, key_terms("", "Al-Shabaab gunmen stormed a hotel in Mogadishu.")) == 1  # other group
    # One group under its many names is one term.
    assert "isil" in key_terms("", "Islamic State fighters seized the town.")
    assert "isil" in key_terms("", "Des combattants de l'État islamique ont pris la ville.")
    assert "isil" in key_terms("", "Daesh claimed it.") and "isil" not in key_terms("", "The reis said so.")


def test_reports_stating_different_dates_tell_of_different_events() -> None:
    from bot.dedupe.sketch import event_date

    assert event_date("1/25/1970: Unknown perpetrators burnt down a building") == "1970-01-25"
    assert event_date("Des protestants lors des marches à Kinshasa, le 21 janvier 2018.") == "2018-01-21"
    assert event_date("On January 5, 2016, gunmen stormed a hotel.") == "2016-01-05"
    assert event_date("In 2015 the army took the town.") is None
    arson = report("1/25/1970: Unknown perpetrators burnt down a building used by Songhai students in Bamako. "
                   "There were no injuries. The attack came amid anger at the school reform.",
                   category=Category.ARMED_ATTACK)
    dynamite = report("1/26/1970: Unknown Songhai assailants, angry at the court's decision on the school reform, "
                      "threw dynamite at a building in Bamako. There were no injuries.", category=Category.BOMBING,
                      at=T0 + timedelta(hours=6))
    assert choose_incident(dynamite, [known(arson)]) is None
    same_day = replace(dynamite, terms=frozenset(t for t in dynamite.terms if not t.startswith("@d")) | {"@d1970-01-25"})
    assert choose_incident(same_day, [known(arson)]) is not None


def test_one_boilerplate_about_two_targets_is_no_syndicated_copy() -> None:
    text = ("Members of the Tupac Amaru Revolutionary Movement {} in Lima to mark the 20th anniversary "
            "of the death of Che Guevara, police said on Friday.")
    consulate = report(text.format("tossed incendiary devices at the U.S. Consulate"), city=None, country="PE")
    embassy = report(text.format("bombed the Bolivian Embassy"), city=None, country="PE",
                     at=T0 + timedelta(hours=6))
    assert similarity(consulate.sketch, embassy.sketch) >= 0.5
    verdict = choose_incident(embassy, [known(consulate)])
    assert verdict is None or "near-duplicate" not in verdict.reason
    copy = report(text.format("bombed the Bolivian Embassy") + " The blast damaged the gate.", city=None,
                  country="PE", at=T0 + timedelta(hours=7))
    assert "near-duplicate" in choose_incident(copy, [known(embassy)]).reason
