"""Tests of the test Bot API server (tests/botapi_server.py), including with a real PTB Bot."""
from __future__ import annotations

import asyncio
import html
import json
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
import telegram
from hypothesis import given, settings
from hypothesis import strategies as st
from telegram import BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, ReplyKeyboardMarkup
from telegram.error import BadRequest, ChatMigrated, Conflict, Forbidden, NetworkError, RetryAfter

from tests.botapi_server import DEFAULT_TOKEN, BotApiServer, EntityParseError, RateLimits, parse_html

API = "/bot" + DEFAULT_TOKEN


def _own_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("BotApiServer")]


@pytest.fixture
def srv() -> Iterator[BotApiServer]:
    with BotApiServer() as server:
        yield server
    assert server.errors == []
    assert _own_threads() == []


@pytest.fixture
def http(srv: BotApiServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=srv.url + API, timeout=10) as client:
        yield client


@pytest.fixture
async def bot(srv: BotApiServer, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[telegram.Bot]:
    monkeypatch.setenv("PTB_TIMEDELTA", "1")  # RetryAfter.retry_after: no deprecation warning
    async with telegram.Bot(DEFAULT_TOKEN, base_url=f"{srv.url}/bot") as b:
        yield b


# ------------------------------------------------------------------ PTB accepts the answers
async def test_ptb_bot_end_to_end(srv: BotApiServer, bot: telegram.Bot) -> None:
    me = await bot.get_me()
    assert (me.id, me.is_bot, me.username, me.can_join_groups) == (123456, True, "secalert_test_bot", True)
    assert await bot.delete_webhook(drop_pending_updates=False) is True
    assert await bot.set_my_commands([BotCommand("start", "Start"), BotCommand("near", "Near me")])
    assert [c.command for c in await bot.get_my_commands()] == ["start", "near"]
    assert srv.commands == [{"command": "start", "description": "Start"},
                            {"command": "near", "description": "Near me"}]

    first = srv.push_message(42, "/start@secalert_test_bot now")
    second = srv.push_message(-100500, "hello group", user_id=7, chat_type="supergroup", title="Ops")
    updates = await bot.get_updates(timeout=5)
    assert [u.update_id for u in updates] == [first, second]
    msg = updates[0].message
    assert msg.chat.id == 42 and msg.chat.type == "private" and msg.from_user.username == "alice"
    assert msg.entities[0].type == "bot_command" and msg.entities[0].length == len("/start@secalert_test_bot")
    assert updates[1].message.chat.title == "Ops" and updates[1].effective_user.id == 7

    # unconfirmed updates come again; offset confirms them
    assert [u.update_id for u in await bot.get_updates(timeout=0)] == [first, second]
    assert [u.update_id for u in await bot.get_updates(offset=second, timeout=0)] == [second]

    # long poll: answers as soon as an update arrives
    started = time.monotonic()
    poll = asyncio.create_task(bot.get_updates(offset=second + 1, timeout=20))
    await srv.wait_for_call_async("getUpdates", lambda p: p.get("offset") == second + 1)
    third = srv.push_message(42, "late")
    assert [u.message.text for u in await poll] == ["late"]
    assert time.monotonic() - started < 5
    assert srv.calls[-1].params == {"offset": second + 1, "timeout": 20}
    assert srv.pending_updates[0]["update_id"] == third

    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Details", callback_data="inc:1"),
                                      InlineKeyboardButton("Map", url="https://example.org/m")]])
    sent = await bot.send_message(42, "<b>Fire</b> near &lt;Main St&gt; &amp; 5th", parse_mode="HTML",
                                  reply_markup=keyboard, disable_notification=True,
                                  link_preview_options=LinkPreviewOptions(is_disabled=True))
    assert sent.text == "Fire near <Main St> & 5th" and sent.chat.id == 42
    assert sent.from_user.id == me.id and sent.reply_markup == keyboard
    again = await bot.send_message(42, "plain", reply_to_message_id=sent.message_id)
    assert again.message_id == sent.message_id + 1
    params = srv.sent(42)
    assert params[0] == {
        "chat_id": 42, "text": "<b>Fire</b> near &lt;Main St&gt; &amp; 5th", "parse_mode": "HTML",
        "disable_notification": True, "link_preview_options": {"is_disabled": True},
        "reply_markup": {"inline_keyboard": [[{"text": "Details", "callback_data": "inc:1"},
                                              {"text": "Map", "url": "https://example.org/m"}]]}}
    assert params[1]["reply_parameters"] == {"message_id": sent.message_id}


async def test_callback_query_edit_and_answer(srv: BotApiServer, bot: telegram.Bot) -> None:
    button = InlineKeyboardMarkup([[InlineKeyboardButton("More", callback_data="more")]])
    sent = await bot.send_message(42, "Alert", reply_markup=button)
    srv.push_callback_query(42, "more", message_id=sent.message_id)
    (update,) = await bot.get_updates()
    query = update.callback_query
    assert query.data == "more" and query.message.message_id == sent.message_id
    assert query.message.reply_markup == button and query.from_user.id == 42
    assert await bot.answer_callback_query(query.id, text="ok") is True
    with pytest.raises(BadRequest, match="(?i)query ID is invalid"):
        await bot.answer_callback_query("nope")
    edited = await bot.edit_message_text("Alert <i>updated</i>", chat_id=42,
                                         message_id=sent.message_id, parse_mode="HTML")
    assert edited.text == "Alert updated" and edited.edit_date is not None
    with pytest.raises(BadRequest, match="(?i)message is not modified"):
        await bot.edit_message_text("Alert updated", chat_id=42, message_id=sent.message_id)
    with pytest.raises(BadRequest, match="(?i)message to edit not found"):
        await bot.edit_message_text("x", chat_id=42, message_id=999)
    assert srv.sent(42, "editMessageText")[0]["text"] == "Alert <i>updated</i>"


async def test_location_venue_chat_members(srv: BotApiServer, bot: telegram.Bot) -> None:
    srv.push_location(42, 52.52, 13.405)
    (update,) = await bot.get_updates()
    assert (update.message.location.latitude, update.message.location.longitude) == (52.52, 13.405)

    loc = await bot.send_location(42, latitude=48.85, longitude=2.35)
    venue = await bot.send_venue(42, latitude=48.85, longitude=2.35, title="Shelter", address="1 Rue")
    assert loc.location.latitude == 48.85 and venue.venue.title == "Shelter"
    assert [p["latitude"] for p in srv.sent(42, "sendLocation")] == [48.85]

    chat = await bot.get_chat(-1001234567890)
    assert chat.type == "supergroup" and chat.title
    assert (await bot.get_chat(42)).type == "private"
    srv.set_admins(-1001234567890, [5, 6], owner=4)
    assert (await bot.get_chat_member(-1001234567890, 4)).status == "creator"
    assert (await bot.get_chat_member(-1001234567890, 5)).status == "administrator"
    assert (await bot.get_chat_member(-1001234567890, 9)).status == "member"
    admins = await bot.get_chat_administrators(-1001234567890)
    assert [m.user.id for m in admins] == [4, 5, 6]
    with pytest.raises(BadRequest, match="(?i)no administrators in the private chat"):
        await bot.get_chat_administrators(42)
    assert await bot.leave_chat(-1001234567890) is True
    assert await bot.send_chat_action(42, "typing") is True
    kb = await bot.send_message(42, "pick", reply_markup=ReplyKeyboardMarkup([["Berlin"]]))
    assert kb.reply_markup is None and srv.sent(42)[-1]["reply_markup"]["keyboard"] == [[{"text": "Berlin"}]]
    assert (await bot.send_message("@alerts", "hi")).chat.type == "channel"


async def test_raw_updates_and_allowed_updates(srv: BotApiServer, bot: telegram.Bot) -> None:
    group = srv.chat(-55, "group", title="Old group")
    srv.push_update({"message": {"message_id": 9, "date": 1, "chat": group,
                                 "migrate_to_chat_id": -1000000000055}})
    srv.push_update({"my_chat_member": {
        "chat": srv.chat(42), "from": {"id": 42, "is_bot": False, "first_name": "A"}, "date": 1,
        "old_chat_member": {"status": "member", "user": srv.bot_user},
        "new_chat_member": {"status": "kicked", "user": srv.bot_user, "until_date": 0}}})
    srv.push_update({"chat_member": {}})  # excluded unless asked for
    updates = await bot.get_updates()
    assert updates[0].message.migrate_to_chat_id == -1000000000055
    assert updates[1].my_chat_member.new_chat_member.status == "kicked"
    assert len(updates) == 2
    only = await bot.get_updates(allowed_updates=["my_chat_member"])
    assert [u.update_id for u in only] == [updates[1].update_id]


# ------------------------------------------------------------------ protocol details
def test_token_method_and_encodings(srv: BotApiServer, http: httpx.Client) -> None:
    with httpx.Client(base_url=srv.url) as raw:
        bad = raw.post("/bot999:WRONG/getMe")
        assert bad.status_code == 401
        assert bad.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}
        assert raw.get("/favicon.ico").status_code == 404
    nf = http.post("/noSuchMethod")
    assert nf.status_code == 404
    assert nf.json() == {"ok": False, "error_code": 404, "description": "Not Found"}
    assert http.get("/GETME").json()["result"]["username"] == "secalert_test_bot"

    markup = {"inline_keyboard": [[{"text": "a", "callback_data": "1"}]]}
    http.post("/sendMessage", json={"chat_id": "7", "text": "json", "reply_markup": markup})
    http.post("/sendMessage", data={"chat_id": "7", "text": "123", "reply_markup": json.dumps(markup)})
    http.post("/sendMessage", data={"chat_id": "7", "text": "multi", "reply_markup": json.dumps(markup)},
              files={"document": ("a.txt", b"\x00\r\nbytes", "text/plain")})
    http.get("/sendMessage", params={"chat_id": 7, "text": "true", "reply_markup": json.dumps(markup)})
    sent = srv.wait_for(4, chat_id=7)
    assert [p["text"] for p in sent] == ["json", "123", "multi", "true"]
    assert all(p["chat_id"] == 7 and p["reply_markup"] == markup for p in sent)
    assert sent[2]["document"]["content"] == b"\x00\r\nbytes"
    assert [(c.method, c.status) for c in srv.calls] == [
        ("getMe", 401), ("noSuchMethod", 404), ("getMe", 200)] + [("sendMessage", 200)] * 4


def test_get_updates_offset_limit_and_timeout(srv: BotApiServer, http: httpx.Client) -> None:
    ids = [srv.push_message(1, f"m{i}") for i in range(5)]
    assert len(http.post("/getUpdates", json={"limit": 2}).json()["result"]) == 2
    assert [u["update_id"] for u in http.post("/getUpdates", data={"offset": -2}).json()["result"]] == ids[3:]
    assert [u["update_id"] for u in http.post("/getUpdates").json()["result"]] == ids[3:]  # forgotten
    assert http.post("/getUpdates", json={"offset": ids[-1] + 1}).json()["result"] == []
    started = time.monotonic()
    assert http.post("/getUpdates", json={"timeout": 0.3}).json() == {"ok": True, "result": []}
    assert 0.25 <= time.monotonic() - started < 3


def test_second_poller_terminates_first_and_webhook_conflicts(srv: BotApiServer) -> None:
    results: list[httpx.Response] = []
    with httpx.Client(base_url=srv.url + API, timeout=10) as a, httpx.Client(base_url=srv.url + API) as b:
        t = threading.Thread(target=lambda: results.append(a.post("/getUpdates", json={"timeout": 30})))
        t.start()
        srv.wait_for_call("getUpdates")
        assert b.post("/getUpdates", json={"timeout": 0}).status_code == 200
        t.join(5)
        assert results[0].status_code == 409 and "terminated by other getUpdates" in results[0].json()["description"]
        assert b.post("/setWebhook", data={"url": "https://example.org/hook"}).json()["result"] is True
        assert b.post("/getWebhookInfo").json()["result"]["url"] == "https://example.org/hook"
        assert b.post("/getUpdates").status_code == 409
        assert b.post("/deleteWebhook").json() == {"ok": True, "result": True}
        assert b.post("/getUpdates").status_code == 200


def test_close_is_fast_with_pending_long_poll() -> None:
    with BotApiServer() as server, httpx.Client(base_url=server.url + API, timeout=10) as client:
        out: list[object] = []

        def poll() -> None:
            try:
                out.append(client.post("/getUpdates", json={"timeout": 60}).json())
            except httpx.HTTPError as exc:  # also acceptable: connection closed
                out.append(exc)

        t = threading.Thread(target=poll)
        t.start()
        server.wait_for_call("getUpdates")
        started = time.monotonic()
        server.close()
        assert time.monotonic() - started < 2
        t.join(5)
        assert out == [{"ok": True, "result": []}]
    assert _own_threads() == []


# ------------------------------------------------------------------ failures
async def test_fail_next_shapes(srv: BotApiServer, bot: telegram.Bot, http: httpx.Client) -> None:
    srv.fail_next("sendMessage", error_code=429, retry_after=3)
    raw = http.post("/sendMessage", json={"chat_id": 1, "text": "x"})
    assert raw.status_code == 429
    assert raw.json() == {"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 3",
                          "parameters": {"retry_after": 3}}
    srv.fail_next("sendMessage", error_code=429, retry_after=5)
    with pytest.raises(RetryAfter) as retry:
        await bot.send_message(1, "x")
    assert retry.value.retry_after.total_seconds() == 5
    srv.fail_next("sendMessage", error_code=403)
    with pytest.raises(Forbidden, match="(?i)bot was blocked by the user"):
        await bot.send_message(1, "x")
    srv.fail_next("sendMessage", error_code=400, migrate_to_chat_id=-1009)
    with pytest.raises(ChatMigrated) as migrated:
        await bot.send_message(-9, "x")
    assert migrated.value.new_chat_id == -1009
    srv.fail_next("sendMessage", error_code=400, chat_id=2)  # only for chat 2
    await bot.send_message(1, "fine")
    with pytest.raises(BadRequest, match="(?i)chat not found"):
        await bot.send_message(2, "x")
    srv.fail_next("sendMessage", error_code=502, count=2)
    for _ in range(2):
        with pytest.raises(NetworkError, match="(?i)Bad Gateway"):
            await bot.send_message(1, "x")
    srv.fail_next("getUpdates", error_code=500)
    with pytest.raises(NetworkError, match="(?i)Internal Server Error"):
        await bot.get_updates()
    srv.fail_next("getUpdates", error_code=409, description="Conflict: terminated by other getUpdates request")
    with pytest.raises(Conflict):
        await bot.get_updates()
    await bot.send_message(1, "after")
    assert [p["text"] for p in srv.sent(1)] == ["fine", "after"]


async def test_block_chat(srv: BotApiServer, bot: telegram.Bot) -> None:
    srv.block_chat(42)
    srv.block_chat(-100)
    with pytest.raises(Forbidden, match="(?i)blocked by the user"):
        await bot.send_message(42, "x")
    with pytest.raises(Forbidden, match="(?i)kicked from the group chat"):
        await bot.send_location(-100, 1, 2)
    srv.unblock_chat(42)
    await bot.send_message(42, "back")
    assert [p["text"] for p in srv.sent(42)] == ["back"]


def test_rate_limits() -> None:
    limits = RateLimits(global_max=4, global_window=0.5, private_max=1, private_window=0.5,
                        group_max=2, group_window=0.5)
    with BotApiServer(enforce_limits=True, limits=limits) as server, \
            httpx.Client(base_url=server.url + API) as client:
        def send(chat_id: int) -> httpx.Response:
            return client.post("/sendMessage", json={"chat_id": chat_id, "text": "x"})

        assert send(1).status_code == 200
        limited = send(1)
        assert limited.status_code == 429 and limited.json()["parameters"] == {"retry_after": 1}
        assert send(-5).status_code == 200 and send(-5).status_code == 200
        assert send(-5).status_code == 429
        assert send(2).status_code == 200
        assert send(3).status_code == 429  # 4 sent within 0.5 s overall
        assert server.too_many_requests == 3
        time.sleep(0.55)  # let the sliding windows pass
        assert send(1).status_code == 200 and send(-5).status_code == 200
        assert len(server.sent()) == 6
    with BotApiServer() as unlimited, httpx.Client(base_url=unlimited.url + API) as client:
        assert all(client.post("/sendMessage", json={"chat_id": 1, "text": "x"}).status_code == 200
                   for _ in range(40))
        assert unlimited.too_many_requests == 0


# ------------------------------------------------------------------ text checks
def test_message_length_and_html(srv: BotApiServer, http: httpx.Client) -> None:
    def send(text: str, **extra: object) -> httpx.Response:
        return http.post("/sendMessage", json={"chat_id": 1, "text": text, **extra})

    assert send("a" * 4096).status_code == 200
    too_long = send("a" * 4097)
    assert too_long.status_code == 400
    assert too_long.json()["description"] == "Bad Request: message is too long"
    assert send("<b>" + "a" * 4096 + "</b>", parse_mode="HTML").status_code == 200  # counted after parsing
    assert send("<b></b> ", parse_mode="HTML").json()["description"] == "Bad Request: message text is empty"
    bad = send("Price <100 & rising", parse_mode="HTML")
    assert bad.status_code == 400
    assert bad.json()["description"].startswith("Bad Request: can't parse entities: ")
    assert send("Price <100", parse_mode="MarkdownV2").status_code == 200  # only HTML is checked
    assert send("x", parse_mode="Bogus").status_code == 400
    assert send("x", reply_markup={"inline_keyboard": [[{"text": "a", "callback_data": "x" * 65}]]}
                ).json()["description"] == "Bad Request: BUTTON_DATA_INVALID"


@pytest.mark.parametrize(("text", "plain"), [
    ("<b>bold</b> <strong>s</strong> <i>i</i><em>e</em><u>u</u><ins>n</ins>", "bold s ieun"),
    ("<s>a</s><strike>b</strike><del>c</del><tg-spoiler>d</tg-spoiler>", "abcd"),
    ('<span class="tg-spoiler">x</span><span class=tg-spoiler>y</span>', "xy"),
    ('<a href="https://e.org/?a=1&amp;b=2">l</a> <code>c</code> <pre><code class="language-py">p</code></pre>', "l c p"),
    ("<blockquote>q</blockquote><blockquote expandable>r</blockquote>", "qr"),
    ('<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>', "👍"),
    ("&lt;tag&gt; &amp; &quot;q&quot; &#65;&#x42; &copy; AT&T &", '<tag> & "q" AB &copy; AT&T &'),
    ("<B>upper</B> <b >sp</b >", "upper sp"),
    ("<b>a</> x", "a x"),
])
def test_html_accepted(text: str, plain: str) -> None:
    assert parse_html(text) == plain


@pytest.mark.parametrize(("text", "error"), [
    ("<script>x</script>", 'Unsupported start tag "script" at byte offset 0'),
    ("a < b", 'Unsupported start tag "" at byte offset 2'),
    ("é<br/>", 'Unsupported start tag "br/" at byte offset 2'),
    ("x <3", "Unclosed start tag at byte offset 2"),
    ("<b>open", 'Can\'t find end tag corresponding to start tag "b"'),
    ("<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
    ("x</b>", "Unexpected end tag at byte offset 1"),
    ("<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
    ("<a href=http://x>y</a>", "Unexpected end of name token at byte offset 12"),
    ('<a href="x>y</a>', "Unclosed start tag at byte offset 0"),
    ("<b =1>x</b>", 'Empty attribute name in the tag "b" at byte offset 0'),
    ("<b>x</b", "Unclosed end tag at byte offset 4"),
    ("<tg-emoji emoji-id=abc>x</tg-emoji>", "Invalid custom emoji identifier specified"),
])
def test_html_rejected(text: str, error: str) -> None:
    with pytest.raises(EntityParseError) as exc:
        parse_html(text)
    assert str(exc.value) == error


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_escaped_text_always_parses_back(text: str) -> None:
    assert parse_html(html.escape(text)) == text
    assert parse_html(f"<b>{html.escape(text, quote=False)}</b>") == text


# ------------------------------------------------------------------ waiting
async def test_wait_for_async_and_timeouts(srv: BotApiServer, bot: telegram.Bot) -> None:
    async def later() -> None:
        await asyncio.sleep(0.05)
        await bot.send_message(5, "one")
        await bot.send_message(5, "two")

    task = asyncio.create_task(later())
    assert [p["text"] for p in await srv.wait_for_async(2, chat_id=5, timeout=5)] == ["one", "two"]
    await task
    with pytest.raises(AssertionError, match="expected 3 sendMessage call"):
        await srv.wait_for_async(3, chat_id=5, timeout=0.1)
    with pytest.raises(AssertionError, match="got 2"):
        srv.wait_for(3, chat_id=5, timeout=0.1)
    with pytest.raises(AssertionError, match="no matching getUpdates"):
        srv.wait_for_call("getUpdates", timeout=0.05)
    with pytest.raises(AssertionError, match="no matching getMe"):
        await srv.wait_for_call_async("getMe", lambda p: False, timeout=0.05)


def test_command_line_server() -> None:
    script = Path(__file__).with_name("botapi_server.py")
    with subprocess.Popen([sys.executable, str(script), "--port", "0", "--token", "1:A"],
                          stdout=subprocess.PIPE, text=True) as proc:
        try:
            assert proc.stdout is not None
            url = proc.stdout.readline().strip()
            assert url.startswith("http://127.0.0.1:")
            with httpx.Client(base_url=url, timeout=5) as client:
                assert client.get("/bot1:A/getMe").json()["result"]["id"] == 1
                update_id = client.post("/_control/push_message", json={"chat_id": 3, "text": "hi"}).json()["result"]
                (update,) = client.post("/bot1:A/getUpdates").json()["result"]
                assert update["update_id"] == update_id and update["message"]["text"] == "hi"
                client.post("/bot1:A/sendMessage", data={"chat_id": 3, "text": "yo"})
                assert client.post("/_control/sent", json={"chat_id": 3}).json()["result"] == [
                    {"chat_id": 3, "text": "yo"}]
        finally:
            proc.terminate()
            assert proc.wait(5) == 0


async def test_ptb_application_polling(srv: BotApiServer) -> None:
    from telegram.ext import Application, CommandHandler

    async def start(update: telegram.Update, context: object) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_html(f"<b>Hi</b> {html.escape('<you>')}")

    app = Application.builder().token(DEFAULT_TOKEN).base_url(f"{srv.url}/bot").build()
    app.add_handler(CommandHandler("start", start))
    async with app:
        await app.updater.start_polling(poll_interval=0, timeout=10, drop_pending_updates=True)  # type: ignore[union-attr]
        await app.start()
        srv.push_message(42, "/start")
        srv.push_message(43, "/start@secalert_test_bot")
        (reply,) = await srv.wait_for_async(1, chat_id=42)
        await srv.wait_for_async(1, chat_id=43)
        await app.updater.stop()  # type: ignore[union-attr]
        await app.stop()
    assert reply["text"] == "<b>Hi</b> &lt;you&gt;" and reply["parse_mode"] == "HTML"
    assert srv.pending_updates == []  # PTB confirmed what it processed
