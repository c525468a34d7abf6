"""Group chats: everyone reads alerts, only administrators change settings; a group that
becomes a supergroup keeps its settings and gets its pending alerts at the new id."""
from __future__ import annotations

import asyncio

from bot.store import subscriptions
from bot.tg.common import ADMINS_ONLY
from tests.telegram_harness import ADMIN, GROUP, MEMBER, RAID, Harness

SUPERGROUP = -1005001


async def test_only_administrators_change_a_group(tg: Harness) -> None:
    assert await tg.say(GROUP, "/watch Bamako", user_id=MEMBER, chat_type="group") == ADMINS_ONLY
    assert await tg.say(GROUP, "/mute 8h", user_id=MEMBER, chat_type="group") == ADMINS_ONLY
    assert "Watching" in await tg.say(GROUP, "/watch Bamako", user_id=ADMIN, chat_type="group")
    assert "Watching" in await tg.say(GROUP, "/watch BKO", user_id=9, chat_type="group")  # the creator
    # Reading is for everyone.
    assert "Bamako" in await tg.say(GROUP, "/watching", user_id=MEMBER, chat_type="group")
    assert "Places: 2" in await tg.say(GROUP, "/status", user_id=MEMBER, chat_type="group")
    # A member's tap on a settings button gets a popup, and nothing changes.
    await tg.say(GROUP, "/categories", user_id=ADMIN, chat_type="group")
    crime = next(b for b in tg.buttons(GROUP) if "crime" in b["text"].lower())
    await tg.press(GROUP, crime["callback_data"], user_id=MEMBER, method="answerCallbackQuery")
    popup = tg.api.sent(method="answerCallbackQuery")[-1]
    assert popup["text"] == ADMINS_ONLY and popup["show_alert"] is True
    assert "Kinds: all" in await tg.say(GROUP, "/status", user_id=MEMBER, chat_type="group")
    # Everyone in the group reads the alert.
    tg.publish(*RAID, url="https://n.example/2")
    await tg.deliver()
    assert "Raiders" in tg.api.sent(GROUP)[-1]["text"]


async def test_group_becoming_a_supergroup_keeps_its_settings(tg: Harness) -> None:
    await tg.say(GROUP, "/watch Bamako 40 km", user_id=ADMIN, chat_type="group")
    await tg.say(GROUP, "/severity high", user_id=ADMIN, chat_type="group")
    tg.publish(*RAID, url="https://n.example/2")  # planned for the old id, not yet sent
    chat = tg.api.chat(GROUP)
    tg.api.push_update({"message": {"message_id": 99, "date": 0, "chat": chat, "from": {"id": ADMIN, "is_bot": False,
                                    "first_name": "A"}, "migrate_to_chat_id": SUPERGROUP}})
    tg.api.set_admins(SUPERGROUP, [ADMIN])
    listing = await tg.say(SUPERGROUP, "/watching", user_id=MEMBER, chat_type="supergroup")
    assert "Bamako, Mali (40 km)" in listing
    assert "Severity: high and above" in await tg.say(SUPERGROUP, "/status", user_id=MEMBER, chat_type="supergroup")
    await tg.deliver()
    assert "Raiders" in tg.api.sent(SUPERGROUP)[-2]["text"] or "Raiders" in tg.api.sent(SUPERGROUP)[-1]["text"]
    assert not any("Raiders" in m["text"] for m in tg.api.sent(GROUP))


def _membership(tg: Harness, chat_id: int, old: str, new: str) -> None:
    bot_user = tg.api.bot_user
    admin = {"id": ADMIN, "is_bot": False, "first_name": "Admin"}
    tg.api.push_update({"my_chat_member": {
        "chat": tg.api.chat(chat_id, "group", title="Team"), "from": admin, "date": 1_790_000_000,
        "old_chat_member": {"status": old, "user": bot_user},
        "new_chat_member": {"status": new, "user": bot_user, **({"until_date": 0} if new == "kicked" else {})},
    }})


async def test_added_to_a_group_says_hello_and_removed_stops_planning(tg: Harness) -> None:
    _membership(tg, GROUP, "left", "member")
    (hello,) = await tg.api.wait_for_async(1, chat_id=GROUP)
    assert "/watch PLACE" in hello["text"]
    assert "Watching" in await tg.say(GROUP, "/watch Bamako", user_id=ADMIN, chat_type="group")
    _membership(tg, GROUP, "member", "kicked")
    for _ in range(200):  # until the bot has handled the update
        if not subscriptions.is_active(tg.db, GROUP):
            break
        await asyncio.sleep(0.02)
    tg.publish(*RAID, url="https://n.example/removed")
    assert await tg.deliver() == 0  # nothing planned for a group that removed the bot
    assert len(tg.api.sent(GROUP)) == 2


async def test_an_administrator_is_asked_about_once_and_a_member_every_time(tg: Harness) -> None:
    def checks(user_id: int) -> int:
        return sum(1 for c in tg.api.calls if c.method == "getChatMember" and c.params.get("user_id") == user_id)

    for command in ("/watch Bamako", "/severity high", "/mute 2h", "/unmute"):
        await tg.say(GROUP, command, user_id=ADMIN, chat_type="group")
    assert checks(ADMIN) == 1
    for _ in range(2):
        assert await tg.say(GROUP, "/mute 1h", user_id=MEMBER, chat_type="group") == ADMINS_ONLY
    assert checks(MEMBER) == 2
    tg.api.set_admins(GROUP, [ADMIN, MEMBER], owner=9)  # promoted: acts at once
    assert "Muted until" in await tg.say(GROUP, "/mute 1h", user_id=MEMBER, chat_type="group")
