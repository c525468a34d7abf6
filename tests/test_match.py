from bot.analysis.facts import Category, Facts, Severity
from bot.match import haversine_km, match_watches
from bot.model import Watch

BAMAKO = Watch(1, "city", "2460596", "Bamako, Mali", "ML", 12.60915, -7.97522, 30)
BKO = Watch(2, "airport", "BKO", "Modibo Keita International Airport (BKO)", "ML", 12.5335, -7.94994, 25)
MALI = Watch(3, "country", "ML", "Mali", "ML", None, None, 0)
NAIROBI = Watch(4, "city", "184745", "Nairobi, Kenya", "KE", -1.28333, 36.81667, 30)
TIMBUKTU = Watch(5, "city", "2449067", "Timbuktu, Mali", "ML", 16.7735, -3.0074, 30)

ATTACK = Facts(is_incident=True, category=Category.ARMED_ATTACK, severity=Severity.HIGH, city="Bamako", country="ML",
               lat=12.60915, lon=-7.97522, geonameid=2460596, airports=("BKO",), un_involved=True)


def chats(facts: Facts) -> set[int]:
    return {m.watch.chat_id for m in match_watches(facts, [BAMAKO, BKO, MALI, NAIROBI, TIMBUKTU])}


def test_attack_in_bamako_reaches_city_airport_and_country_watchers_only() -> None:
    assert chats(ATTACK) == {1, 2, 3}


def test_not_an_incident_reaches_nobody() -> None:
    assert chats(Facts(is_incident=False, city="Bamako", country="ML", lat=12.6, lon=-8.0)) == set()


def test_nearby_town_within_radius_matches_with_distance() -> None:
    kati = Facts(is_incident=True, category=Category.BOMBING, severity=Severity.MEDIUM, city="Kati", country="ML",
                 lat=12.74, lon=-8.07)
    (m,) = [m for m in match_watches(kati, [BAMAKO]) if m.watch.chat_id == 1]
    assert m.distance_km is not None and 10 < m.distance_km < 30


def test_country_level_coup_reaches_every_place_in_the_country() -> None:
    coup = Facts(is_incident=True, category=Category.MILITARY, severity=Severity.CRITICAL, country="ML")
    assert chats(coup) == {1, 2, 3, 5}


def test_country_level_protest_reaches_only_country_watchers() -> None:
    protest = Facts(is_incident=True, category=Category.UNREST, severity=Severity.LOW, country="ML")
    assert chats(protest) == {3}


def test_haversine_bamako_nairobi() -> None:
    assert 5000 < haversine_km(12.6, -7.98, -1.28, 36.82) < 5200


def test_default_radius_grows_with_severity_but_a_chosen_radius_is_kept() -> None:
    from bot.match import ChatWatch

    default = ChatWatch(6, "city", "2460596", "Bamako, Mali", "ML", 12.60915, -7.97522, 30)
    chosen = ChatWatch(7, "city", "2460596", "Bamako, Mali", "ML", 12.60915, -7.97522, 40, radius_custom=True)
    # About 78 km from Bamako (Kati is ~15 km): a town to the north-east.
    far = dict(is_incident=True, category=Category.BOMBING, city="Kolokani", country="ML", lat=13.3, lon=-7.7)
    critical = Facts(severity=Severity.CRITICAL, **far)
    low = Facts(severity=Severity.LOW, **far)
    assert {m.watch.chat_id for m in match_watches(critical, [default, chosen])} == {6}
    assert match_watches(low, [default, chosen]) == []
    near = Facts(is_incident=True, category=Category.CRIME, severity=Severity.LOW, city="Kati", country="ML",
                 lat=12.74, lon=-8.07)  # ~18 km: beyond 15 km for a low event, within a chosen 40 km
    assert {m.watch.chat_id for m in match_watches(near, [default, chosen])} == {7}


def test_a_red_earthquake_reaches_places_within_its_reach_but_not_far_away() -> None:
    quake = Facts(is_incident=True, category=Category.DISASTER, severity=Severity.CRITICAL, country="ML",
                  lat=13.4, lon=-6.3)  # about 200 km east of Bamako, no city
    assert chats(quake) == {1, 2, 3}  # Bamako and BKO within 300 km, Mali watchers; not Timbuktu nor Nairobi
