"""A local Telegram Bot API server for tests: real HTTP on 127.0.0.1, real Bot API JSON.

In-process (the main use), from a pytest fixture::

    with BotApiServer() as srv:                 # binds 127.0.0.1 on a free port
        bot = telegram.Bot(DEFAULT_TOKEN, base_url=f"{srv.url}/bot")
        srv.push_message(42, "/start")          # an Update the bot gets from getUpdates
        srv.wait_for(1, chat_id=42)             # blocks until the bot has sent 1 message
        # in async tests use:  await srv.wait_for_async(1, chat_id=42)
        assert "<b>" in srv.sent(42)[0]["text"]

The bot calls ``{srv.url}/bot{TOKEN}/{method}``.  Parameters are accepted as a JSON body,
urlencoded or multipart form (python-telegram-bot sends form fields whose non-string values
are JSON-encoded, e.g. ``reply_markup``) or a query string; values are decoded back to JSON
types.  Each request is recorded in ``srv.calls`` as it arrives; ``srv.sent()`` lists the
parameters of successful calls of one method.  Failures: ``fail_next(...)``, ``block_chat()``,
``BotApiServer(enforce_limits=True)`` (Telegram's flood limits, ``RateLimits``), text over
4096 characters, and HTML that Telegram's parser (tdlib) would reject all answer with the real
error JSON and HTTP status.

As a process (for a bot under test driven from elsewhere)::

    python tests/botapi_server.py --port 0      # first stdout line: the URL

then ``POST {url}/_control/push_message`` with a JSON object of keyword arguments calls the
method of the same name (also push_update, sent, fail_next, block_chat, ...).
"""
from __future__ import annotations

import argparse
import asyncio
import email.parser
import email.policy
import json
import math
import re
import signal
import sys
import threading
import time
import traceback
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qsl, urlsplit

try:
    from tests.http_support import ClosableHTTPServer, ServedInThread
except ImportError:  # run as a script: python tests/botapi_server.py
    from http_support import ClosableHTTPServer, ServedInThread  # type: ignore[no-redef]

DEFAULT_TOKEN = "123456:TEST-TOKEN"
MAX_TEXT_LENGTH = 4096
GROUP_USER_ID = 1001  # default sender of pushed group messages
Json = dict[str, Any]

# Form values that are plain strings even when they look like JSON (numbers, true, ...).
_STRING_FIELDS = frozenset(
    "text caption parse_mode callback_query_id inline_message_id title address url description "
    "short_description name secret_token language_code data query_id foursquare_id "
    "foursquare_type google_place_id google_place_type business_connection_id message_effect_id "
    "emoji first_name last_name phone_number vcard question explanation custom_title ip_address "
    "photo document sticker audio video animation voice".split()
)
_SEND_METHODS = frozenset(
    "sendMessage sendLocation sendVenue sendPhoto sendDocument sendContact sendPoll sendAudio "
    "sendVideo sendAnimation sendVoice sendSticker sendDice sendMediaGroup copyMessage "
    "forwardMessage".split()
)
_CHAT_METHODS = frozenset(
    "getChat getChatMember getChatAdministrators leaveChat sendChatAction".split()
)
_TRIVIAL_METHODS = frozenset(  # always answer `true`
    "close logOut sendChatAction deleteMessage pinChatMessage unpinChatMessage setMyDescription "
    "setMyShortDescription setMyName setChatMenuButton".split()
)
_DEFAULT_EXCLUDED_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
_COMMAND_RE = re.compile(r"/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,64})?(?![A-Za-z0-9_@])")


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


# --------------------------------------------------------------------------- HTML (tdlib subset)
class EntityParseError(ValueError):
    """Text that Telegram rejects with "Bad Request: can't parse entities: <message>"."""


_HTML_TAGS = frozenset(
    "a b strong i em u ins s strike del span tg-spoiler tg-emoji code pre blockquote".split()
)
_ENTITY_RE = re.compile(r"&(?:(lt|gt|amp|quot)|#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,8}));")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}


def _decode_entity(text: str, i: int) -> tuple[str, int] | None:
    m = _ENTITY_RE.match(text, i)
    if not m:
        return None
    if m.group(1):
        return _NAMED[m.group(1)], m.end()
    code = int(m.group(2), 10) if m.group(2) else int(m.group(3), 16)
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return None
    return chr(code), m.end()


def parse_html(text: str) -> str:
    """Check ``text`` like Telegram's parse_mode=HTML parser; return the plain text.

    Follows tdlib's parse_html: only the supported tags, every tag closed in order, quoted or
    [A-Za-z0-9.-] attribute values, entities &lt; &gt; &amp; &quot; &#NN; &#xHH; (any other
    ``&`` stays literal).  Raises EntityParseError with tdlib's message otherwise.
    """
    out: list[str] = []
    stack: list[str] = []
    i, n = 0, len(text)

    def at(pos: int) -> str:
        return f"at byte offset {len(text[:pos].encode())}"

    def skip_spaces(pos: int) -> int:
        while pos < n and text[pos].isspace():
            pos += 1
        return pos

    while i < n:
        ch = text[i]
        if ch == "&" and (decoded := _decode_entity(text, i)):
            out.append(decoded[0])
            i = decoded[1]
            continue
        if ch != "<":
            out.append(ch)
            i += 1
            continue
        begin = i
        i += 1
        if i < n and text[i] == "/":  # end tag
            if not stack:
                raise EntityParseError(f"Unexpected end tag {at(begin)}")
            j = i + 1
            while j < n and not text[j].isspace() and text[j] != ">":
                j += 1
            name = text[i + 1 : j].lower()
            i = skip_spaces(j)
            if i >= n or text[i] != ">":
                raise EntityParseError(f"Unclosed end tag {at(begin)}")
            if name and name != stack[-1]:
                raise EntityParseError(
                    f'Unmatched end tag {at(begin)}, expected "</{stack[-1]}>", found "</{name}>"'
                )
            stack.pop()
            i += 1
            continue
        j = i  # start tag
        while j < n and not text[j].isspace() and text[j] != ">":
            j += 1
        if j >= n:
            raise EntityParseError(f"Unclosed start tag {at(begin)}")
        name = text[i:j].lower()
        if name not in _HTML_TAGS:
            raise EntityParseError(f'Unsupported start tag "{name}" {at(begin)}')
        attrs: dict[str, str] = {}
        i = j
        while True:
            i = skip_spaces(i)
            if i >= n:
                raise EntityParseError(f'Unclosed start tag "{name}" {at(begin)}')
            if text[i] == ">":
                break
            a = i
            while i < n and not text[i].isspace() and text[i] not in "=>/\"'":
                i += 1
            attr = text[a:i].lower()
            if not attr:
                raise EntityParseError(f'Empty attribute name in the tag "{name}" {at(begin)}')
            i = skip_spaces(i)
            if i >= n:
                raise EntityParseError(f'Unclosed start tag "{name}" {at(begin)}')
            if text[i] != "=":
                attrs[attr] = ""
                continue
            i = skip_spaces(i + 1)
            if i >= n:
                raise EntityParseError(f'Unclosed start tag "{name}" {at(begin)}')
            if text[i] in "\"'":
                quote, i = text[i], i + 1
                value: list[str] = []
                while i < n and text[i] != quote:
                    if text[i] == "&" and (decoded := _decode_entity(text, i)):
                        value.append(decoded[0])
                        i = decoded[1]
                    else:
                        value.append(text[i])
                        i += 1
                if i >= n:
                    raise EntityParseError(f"Unclosed start tag {at(begin)}")
                attrs[attr] = "".join(value)
                i += 1
            else:
                a = i
                while i < n and (text[i].isascii() and text[i].isalnum() or text[i] in ".-"):
                    i += 1
                if i >= n:
                    raise EntityParseError(f'Unclosed start tag "{name}" {at(begin)}')
                if not text[i].isspace() and text[i] != ">":
                    raise EntityParseError(f"Unexpected end of name token {at(i)}")
                attrs[attr] = text[a:i].lower()
        i += 1
        if name == "span" and attrs.get("class") != "tg-spoiler":
            raise EntityParseError(f'Tag "span" must have class "tg-spoiler" {at(begin)}')
        if name == "tg-emoji" and not attrs.get("emoji-id", "").isdigit():
            raise EntityParseError("Invalid custom emoji identifier specified")
        stack.append(name)
    if stack:
        raise EntityParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1]}"')
    return "".join(out)


# --------------------------------------------------------------------------- records, errors
class ApiError(Exception):
    """An ``{"ok": false, ...}`` answer; HTTP status = error_code."""

    def __init__(self, error_code: int, description: str, parameters: Json | None = None):
        super().__init__(description)
        self.error_code, self.description, self.parameters = error_code, description, parameters

    def payload(self) -> Json:
        out = {"ok": False, "error_code": self.error_code, "description": self.description}
        if self.parameters:
            out["parameters"] = self.parameters
        return out


@dataclass
class ApiCall:
    """One request, recorded when it arrives; status/response are set when it is answered."""

    method: str
    params: dict[str, Any]
    status: int | None = None
    response: Json | None = None


@dataclass(frozen=True)
class RateLimits:
    """Telegram's flood limits: sends per sliding window, overall / per private chat / per group."""

    global_max: int = 30
    global_window: float = 1.0
    private_max: int = 1
    private_window: float = 1.0
    group_max: int = 20
    group_window: float = 60.0


@dataclass
class _Failure:
    method: str
    error: ApiError
    chat_id: int | str | None
    remaining: int


_DEFAULT_DESCRIPTIONS = {
    400: "Bad Request: chat not found",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    500: "Internal Server Error",
    502: "Bad Gateway",
}


def _coerce(key: str, value: Any) -> Any:
    if not isinstance(value, str) or key in _STRING_FIELDS:
        return value
    s = value.strip()
    if s[:1] in ("{", "[") or s in ("true", "false", "null") or re.fullmatch(r"-?\d+(\.\d+)?", s):
        try:
            return json.loads(s)
        except ValueError:
            pass
    return value


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in separate writes
    server_version = "TestBotAPI/1.0"

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        status, payload = self.server.app._handle(self, body)  # type: ignore[attr-defined]
        data = json.dumps(payload, ensure_ascii=False, default=repr).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST

    def log_message(self, format: str, *args: Any) -> None:
        pass


# --------------------------------------------------------------------------- the server
class BotApiServer(ServedInThread):
    """See the module docstring.  All public methods are thread-safe."""

    _CONTROL = frozenset(
        "push_message push_callback_query push_location push_update sent fail_next block_chat "
        "unblock_chat set_admins".split()
    )

    def __init__(self, tokens: str | tuple[str, ...] | list[str] = DEFAULT_TOKEN, *,
                 host: str = "127.0.0.1", port: int = 0, username: str = "secalert_test_bot",
                 first_name: str = "SecAlert Test", enforce_limits: bool = False,
                 limits: RateLimits = RateLimits()) -> None:
        self.tokens = (tokens,) if isinstance(tokens, str) else tuple(tokens)
        self._address = (host, port)
        self.bot_user = {"id": int(self.tokens[0].split(":")[0]), "is_bot": True,
                         "first_name": first_name, "username": username}
        self.enforce_limits, self.limits = enforce_limits, limits
        self.too_many_requests = 0
        self.errors: list[str] = []  # tracebacks of bugs in this server (answered with 500)
        self._cond = threading.Condition(threading.RLock())
        self._calls: list[ApiCall] = []
        self._updates: list[Json] = []
        self._next_update_id = 1
        self._allowed_updates: frozenset[str] | None = None
        self._poll_generation = 0
        self._closing = False
        self._msg_ids: dict[int | str, int] = defaultdict(int)
        self._messages: dict[tuple[int | str, int], Json] = {}  # bot's messages by (chat, id)
        self._chats: dict[int | str, Json] = {}
        self._admins: dict[int | str, tuple[int | None, set[int]]] = {}
        self._callback_ids: set[str] = set()
        self._failures: list[_Failure] = []
        self._blocked: set[int | str] = set()
        self._commands: dict[str, list[Json]] = {}
        self._webhook: dict[str, Any] = {}
        self._windows: dict[Any, deque[float]] = defaultdict(deque)
        self._async_waiters: set[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = set()
        self._httpd: ClosableHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._methods = {name[3:].lower(): name[3:] for name in dir(self) if name.startswith("_m_")}
        self._methods.update({m.lower(): m for m in _TRIVIAL_METHODS})

    # ---------------------------------------------------------------- lifecycle
    _handler = _Handler

    def _before_close(self) -> None:
        with self._cond:  # end long polls now
            self._closing = True
            self._cond.notify_all()
        super()._before_close()

    # ---------------------------------------------------------------- test control: input
    def push_update(self, update: Json) -> int:
        """Queue a raw Update (update_id assigned unless given); returns its update_id."""
        with self._cond:
            update = dict(update)
            update.setdefault("update_id", self._next_update_id)
            self._next_update_id = max(self._next_update_id, update["update_id"]) + 1
            self._updates.append(update)
            self._cond.notify_all()
            return int(update["update_id"])

    def chat(self, chat_id: int | str, chat_type: str | None = None, *, title: str | None = None,
             username: str | None = None, first_name: str | None = None) -> Json:
        """The Chat object for chat_id, remembered.  Positive ids are private chats; for
        negative ids the type is ``chat_type``, else the one known, else group/supergroup by id."""
        with self._cond:
            known = self._chats.get(chat_id, {})
            if isinstance(chat_id, str):  # "@channelname"
                inferred = "channel"
            elif chat_id < 0:
                inferred = known.get("type") or ("supergroup" if chat_id <= -10**12 else "group")
            else:
                inferred = "private"
            if chat_type is None or (chat_type == "private") != (inferred == "private"):
                chat_type = inferred
            chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
            if chat_type == "private":
                chat["first_name"] = first_name or known.get("first_name") or f"User{chat_id}"
                if username or known.get("username"):
                    chat["username"] = username or known["username"]
            else:
                chat["title"] = title or known.get("title") or f"Test {chat_type} {chat_id}"
            self._chats[chat_id] = chat
            return dict(chat)

    def _user(self, chat_id: int, user_id: int | None, username: str, first_name: str) -> Json:
        uid = user_id if user_id is not None else (chat_id if chat_id > 0 else GROUP_USER_ID)
        return {"id": uid, "is_bot": False, "first_name": first_name, "username": username,
                "language_code": "en"}

    def _incoming(self, chat_id: int, user_id: int | None, chat_type: str, username: str,
                  first_name: str, title: str | None) -> Json:
        with self._cond:
            chat = self.chat(chat_id, chat_type, title=title, username=username,
                             first_name=first_name)
            self._msg_ids[chat_id] += 1
            return {"message_id": self._msg_ids[chat_id], "date": int(time.time()), "chat": chat,
                    "from": self._user(chat_id, user_id, username, first_name)}

    def push_message(self, chat_id: int, text: str, *, user_id: int | None = None,
                     chat_type: str = "private", username: str = "alice",
                     first_name: str = "Alice", title: str | None = None) -> int:
        """Queue a text message from a user (with a bot_command entity for "/cmd[@bot]")."""
        msg = self._incoming(chat_id, user_id, chat_type, username, first_name, title)
        msg["text"] = text
        if m := _COMMAND_RE.match(text):
            msg["entities"] = [{"type": "bot_command", "offset": 0, "length": _utf16_len(m[0])}]
        return self.push_update({"message": msg})

    def push_location(self, chat_id: int, latitude: float, longitude: float, *,
                      user_id: int | None = None, chat_type: str = "private",
                      username: str = "alice", first_name: str = "Alice",
                      title: str | None = None) -> int:
        msg = self._incoming(chat_id, user_id, chat_type, username, first_name, title)
        msg["location"] = {"latitude": latitude, "longitude": longitude}
        return self.push_update({"message": msg})

    def push_callback_query(self, chat_id: int, data: str, *, message_id: int,
                            user_id: int | None = None, username: str = "alice",
                            first_name: str = "Alice") -> int:
        """A press on an inline button of the bot's message ``message_id`` in ``chat_id``."""
        with self._cond:
            message = self._messages.get((chat_id, message_id)) or {
                "message_id": message_id, "date": int(time.time()), "chat": self.chat(chat_id),
                "from": self.bot_user, "text": ""}
            query_id = str(9_000_000 + self._next_update_id)
            self._callback_ids.add(query_id)
            return self.push_update({"callback_query": {
                "id": query_id, "from": self._user(chat_id, user_id, username, first_name),
                "chat_instance": str(abs(hash(chat_id))), "message": message, "data": data}})

    # ---------------------------------------------------------------- test control: behaviour
    def fail_next(self, method: str, *, error_code: int, description: str | None = None,
                  retry_after: int | None = None, migrate_to_chat_id: int | None = None,
                  chat_id: int | str | None = None, count: int = 1) -> None:
        """Answer the next ``count`` calls of ``method`` (to ``chat_id`` if given) with an error."""
        if description is None:
            if retry_after is not None:
                description = f"Too Many Requests: retry after {retry_after}"
            elif migrate_to_chat_id is not None:
                description = "Bad Request: group chat was upgraded to a supergroup chat"
            else:
                description = _DEFAULT_DESCRIPTIONS.get(error_code, "Internal Server Error")
        params = {k: v for k, v in (("retry_after", retry_after),
                                    ("migrate_to_chat_id", migrate_to_chat_id)) if v is not None}
        with self._cond:
            self._failures.append(_Failure(method.lower(), ApiError(error_code, description, params),
                                           chat_id, count))

    def block_chat(self, chat_id: int | str) -> None:
        """Every send to chat_id answers 403 (blocked by the user / kicked) until unblock_chat."""
        with self._cond:
            self._blocked.add(chat_id)

    def unblock_chat(self, chat_id: int | str) -> None:
        with self._cond:
            self._blocked.discard(chat_id)

    def set_admins(self, chat_id: int | str, user_ids: list[int] | tuple[int, ...] = (), *,
                   owner: int | None = None) -> None:
        """Administrators (and the creator) of a group, for getChatMember/getChatAdministrators."""
        with self._cond:
            self._admins[chat_id] = (owner, set(user_ids))

    # ---------------------------------------------------------------- test control: output
    @property
    def calls(self) -> list[ApiCall]:
        with self._cond:
            return list(self._calls)

    @property
    def pending_updates(self) -> list[Json]:
        with self._cond:
            return list(self._updates)

    @property
    def commands(self) -> list[Json]:
        """The commands last set with setMyCommands for the default scope/language."""
        with self._cond:
            return list(self._commands.get(self._commands_key({}), []))

    def sent(self, chat_id: int | str | None = None, method: str = "sendMessage") -> list[Json]:
        """Parameters of the successful ``method`` calls (to ``chat_id`` if given), in order."""
        with self._cond:
            return [dict(c.params) for c in self._calls if c.method == method and c.status == 200
                    and (chat_id is None or c.params.get("chat_id") == chat_id)]

    def wait_for(self, count: int, *, chat_id: int | str | None = None,
                 method: str = "sendMessage", timeout: float = 10) -> list[Json]:
        """Block until ``sent(chat_id, method)`` has ``count`` entries; AssertionError on timeout.

        In a coroutine use ``await wait_for_async(...)``: blocking would stall the event loop.
        """
        with self._cond:
            if self._cond.wait_for(lambda: len(self.sent(chat_id, method)) >= count, timeout):
                return self.sent(chat_id, method)
            raise AssertionError(self._shortfall(count, chat_id, method))

    async def wait_for_async(self, count: int, *, chat_id: int | str | None = None,
                             method: str = "sendMessage", timeout: float = 10) -> list[Json]:
        try:
            got: list[Json] = await self._until_async(
                lambda: (found := self.sent(chat_id, method)) and len(found) >= count and found, timeout)
            return got
        except TimeoutError:
            raise AssertionError(self._shortfall(count, chat_id, method)) from None

    def wait_for_call(self, method: str, where: Callable[[Json], bool] | None = None, *,
                      timeout: float = 10) -> ApiCall:
        """Block until a ``method`` call (whose params satisfy ``where``) has arrived."""
        with self._cond:
            if self._cond.wait_for(lambda: self._find_call(method, where), timeout):
                return self._find_call(method, where)  # type: ignore[return-value]
            raise AssertionError(self._no_call(method, timeout))

    async def wait_for_call_async(self, method: str, where: Callable[[Json], bool] | None = None,
                                  *, timeout: float = 10) -> ApiCall:
        try:
            call: ApiCall = await self._until_async(lambda: self._find_call(method, where), timeout)
            return call
        except TimeoutError:
            raise AssertionError(self._no_call(method, timeout)) from None

    def _find_call(self, method: str, where: Callable[[Json], bool] | None) -> ApiCall | None:
        with self._cond:
            return next((c for c in self._calls if c.method == method
                         and (where is None or where(c.params))), None)

    def _no_call(self, method: str, timeout: float) -> str:
        seen = [c.params for c in self.calls if c.method == method]
        return f"no matching {method} call within {timeout}s; got {seen}"

    async def _until_async(self, check: Callable[[], Any], timeout: float) -> Any:
        waiter = (asyncio.get_running_loop(), asyncio.Event())
        with self._cond:
            self._async_waiters.add(waiter)
        try:
            async with asyncio.timeout(timeout):
                while not (found := check()):
                    await waiter[1].wait()
                    waiter[1].clear()
                return found
        finally:
            with self._cond:
                self._async_waiters.discard(waiter)

    def _shortfall(self, count: int, chat_id: Any, method: str) -> str:
        got = self.sent(chat_id, method)
        failed = [(c.status, c.response) for c in self.calls if c.method == method
                  and c.status not in (None, 200)]
        return (f"expected {count} {method} call(s) to chat {chat_id}, got {len(got)}: "
                f"{[p.get('text', p) for p in got]}; failed: {failed}")

    # ---------------------------------------------------------------- request handling
    def _handle(self, request: BaseHTTPRequestHandler, body: bytes) -> tuple[int, Json]:
        url = urlsplit(request.path)
        if url.path.startswith("/_control/"):
            return self._control(url.path[len("/_control/"):], body)
        m = re.fullmatch(r"/bot([^/]+)/([A-Za-z]+)", url.path)
        if not m:
            return 404, ApiError(404, "Not Found").payload()
        method = self._methods.get(m[2].lower())
        call, error = ApiCall(method or m[2], {}), None
        try:
            call.params = self._decode(request.headers.get("Content-Type", ""), url.query, body)
        except (ValueError, UnicodeDecodeError):
            error = ApiError(400, "Bad Request: invalid request parameters")
        if m[1] not in self.tokens:
            error = ApiError(401, "Unauthorized")
        elif method is None:
            error = ApiError(404, "Not Found")
        with self._cond:
            self._calls.append(call)
            self._notify()
            try:
                if error:
                    raise error
                call.response = {"ok": True, "result": self._dispatch(call.method, call.params)}
                call.status = 200
            except ApiError as err:
                call.status, call.response = err.error_code, err.payload()
            except Exception:  # a bug in this server: make it visible
                self.errors.append(traceback.format_exc())
                traceback.print_exc()
                call.status, call.response = 500, ApiError(500, "Internal Server Error").payload()
            self._notify()
            return call.status, call.response

    def _decode(self, content_type: str, query: str, body: bytes) -> dict[str, Any]:
        params: dict[str, Any] = dict(parse_qsl(query, keep_blank_values=True))
        mime = content_type.split(";")[0].strip().lower()
        if body and mime == "application/json":
            data = json.loads(body)
            if not isinstance(data, dict):
                raise ValueError("JSON body must be an object")
            params.update(data)
        elif body and mime == "multipart/form-data":
            head = f"Content-Type: {content_type}\r\n\r\n".encode()
            msg = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
            for part in msg.iter_parts():
                name = str(part.get_param("name", header="content-disposition"))
                payload = bytes(part.get_payload(decode=True) or b"")
                if part.get_filename():
                    params[name] = {"filename": part.get_filename(), "content": payload,
                                    "content_type": part.get_content_type()}
                else:
                    params[name] = payload.decode(part.get_content_charset() or "utf-8")
        elif body:
            params.update(parse_qsl(body.decode(), keep_blank_values=True, strict_parsing=True))
        return {key: _coerce(key, value) for key, value in params.items()}

    def _notify(self) -> None:
        self._cond.notify_all()
        for loop, event in list(self._async_waiters):
            try:
                loop.call_soon_threadsafe(event.set)
            except RuntimeError:  # loop closed
                self._async_waiters.discard((loop, event))

    def _control(self, name: str, body: bytes) -> tuple[int, Json]:
        if name not in self._CONTROL:
            return 404, ApiError(404, "Not Found").payload()
        try:
            return 200, {"ok": True, "result": getattr(self, name)(**json.loads(body or b"{}"))}
        except Exception as exc:
            return 400, ApiError(400, f"Bad Request: {exc!r}").payload()

    def _dispatch(self, method: str, p: Json) -> Any:
        """Runs with self._cond held."""
        chat_id = p.get("chat_id")
        for failure in self._failures:
            if failure.method == method.lower() and failure.chat_id in (None, chat_id):
                failure.remaining -= 1
                if failure.remaining <= 0:
                    self._failures.remove(failure)
                raise failure.error
        if chat_id in (None, "") and (method in _SEND_METHODS or method in _CHAT_METHODS):
            raise ApiError(400, "Bad Request: chat_id is empty")
        if method in _SEND_METHODS:
            if chat_id in self._blocked:
                kind = self.chat(chat_id)["type"]
                raise ApiError(403, "Forbidden: bot was blocked by the user" if kind == "private"
                               else f"Forbidden: bot was kicked from the {kind} chat")
        if method in _TRIVIAL_METHODS:
            return True
        return getattr(self, "_m_" + method)(p)

    def _rate_limit(self, chat_id: Any) -> None:
        if not self.enforce_limits:
            return
        now, lim = time.monotonic(), self.limits
        windows = [(self._windows["*"], lim.global_max, lim.global_window)]
        if isinstance(chat_id, int) and chat_id < 0:
            windows.append((self._windows[chat_id], lim.group_max, lim.group_window))
        else:
            windows.append((self._windows[chat_id], lim.private_max, lim.private_window))
        wait = 0.0
        for stamps, limit, window in windows:
            while stamps and stamps[0] <= now - window:
                stamps.popleft()
            if len(stamps) >= limit:
                wait = max(wait, stamps[-limit] + window - now)
        if wait > 0:
            self.too_many_requests += 1
            retry_after = max(1, math.ceil(wait))
            raise ApiError(429, f"Too Many Requests: retry after {retry_after}",
                           {"retry_after": retry_after})
        for stamps, _, _ in windows:
            stamps.append(now)

    def _text(self, p: Json, key: str = "text") -> str:
        """Validate text + parse_mode like Telegram; return the plain text."""
        text = p.get(key)
        text = "" if text is None else str(text)
        mode = str(p.get("parse_mode") or "")
        if mode.lower() == "html":
            try:
                text = parse_html(text)
            except EntityParseError as exc:
                raise ApiError(400, f"Bad Request: can't parse entities: {exc}") from None
        elif mode and mode.lower() not in ("markdown", "markdownv2"):
            raise ApiError(400, "Bad Request: unsupported parse_mode")
        text = text.strip()
        if not text:
            raise ApiError(400, "Bad Request: message text is empty")
        if len(text) > MAX_TEXT_LENGTH:
            raise ApiError(400, "Bad Request: message is too long")
        return text

    def _markup(self, p: Json) -> Json | None:
        markup = p.get("reply_markup")
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object")
        rows = markup.get("inline_keyboard")
        if rows is not None:
            if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
                raise ApiError(400, "Bad Request: field \"inline_keyboard\" must be an Array of Array")
            for button in (b for row in rows for b in row):
                if not isinstance(button, dict) or not button.get("text"):
                    raise ApiError(400, "Bad Request: can't parse inline keyboard button: "
                                        "Text buttons are unallowed in the inline keyboard")
                data = button.get("callback_data")
                if data is not None and not 1 <= len(str(data).encode()) <= 64:
                    raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
        return markup

    def _new_message(self, chat_id: Any, **content: Any) -> Json:
        self._msg_ids[chat_id] += 1
        if "inline_keyboard" not in (content.get("reply_markup") or {}):
            content["reply_markup"] = None  # only inline keyboards are part of a Message
        msg = {"message_id": self._msg_ids[chat_id], "from": self.bot_user,
               "chat": self.chat(chat_id), "date": int(time.time()),
               **{k: v for k, v in content.items() if v is not None}}
        self._messages[(chat_id, msg["message_id"])] = msg
        return msg

    def _commands_key(self, p: Json) -> str:
        return json.dumps([p.get("scope") or {"type": "default"}, p.get("language_code") or ""])

    # ---------------------------------------------------------------- Bot API methods
    def _m_getMe(self, p: Json) -> Json:
        return {**self.bot_user, "can_join_groups": True, "can_read_all_group_messages": False,
                "supports_inline_queries": False, "can_connect_to_business": False,
                "has_main_web_app": False}

    def _m_setWebhook(self, p: Json) -> bool:
        if not str(p.get("url") or "").startswith("https://"):
            raise ApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
        self._webhook = {"url": p["url"], "allowed_updates": p.get("allowed_updates")}
        return True

    def _m_deleteWebhook(self, p: Json) -> bool:
        self._webhook = {}
        if p.get("drop_pending_updates"):
            self._updates.clear()
        return True

    def _m_getWebhookInfo(self, p: Json) -> Json:
        return {"url": self._webhook.get("url", ""), "has_custom_certificate": False,
                "pending_update_count": len(self._updates)}

    def _m_setMyCommands(self, p: Json) -> bool:
        commands = p.get("commands")
        if not isinstance(commands, list) or not all(
            isinstance(c, dict) and re.fullmatch(r"[a-z0-9_]{1,32}", str(c.get("command")))
            and 1 <= len(str(c.get("description") or "")) <= 256 for c in commands
        ):
            raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
        self._commands[self._commands_key(p)] = commands
        return True

    def _m_getMyCommands(self, p: Json) -> list[Json]:
        return self._commands.get(self._commands_key(p), [])

    def _m_deleteMyCommands(self, p: Json) -> bool:
        self._commands.pop(self._commands_key(p), None)
        return True

    def _m_getUpdates(self, p: Json) -> list[Json]:
        if self._webhook:
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active; "
                                "use deleteWebhook to delete the webhook first")
        offset, limit = int(p.get("offset") or 0), min(max(int(p.get("limit") or 100), 1), 100)
        if offset > 0:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        elif offset < 0:
            self._updates = self._updates[offset:]
        if isinstance(p.get("allowed_updates"), list):
            self._allowed_updates = frozenset(p["allowed_updates"])

        def deliverable() -> list[Json]:
            allowed = self._allowed_updates
            return [u for u in self._updates if any(
                k != "update_id" and (k in allowed if allowed else k not in _DEFAULT_EXCLUDED_UPDATES)
                for k in u)]

        self._poll_generation += 1
        generation = self._poll_generation
        self._cond.notify_all()
        deadline = time.monotonic() + float(p.get("timeout") or 0)
        while not (ready := deliverable()) and not self._closing:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            self._cond.wait(remaining)
            if self._poll_generation != generation:
                raise ApiError(409, _DEFAULT_DESCRIPTIONS[409])
        return ready[:limit]

    def _m_sendMessage(self, p: Json) -> Json:
        text, markup = self._text(p), self._markup(p)
        self._rate_limit(p["chat_id"])
        return self._new_message(p["chat_id"], text=text, reply_markup=markup,
                                 link_preview_options=p.get("link_preview_options"))

    def _m_editMessageText(self, p: Json) -> Json | bool:
        text, markup = self._text(p), self._markup(p)
        if p.get("inline_message_id"):
            return True
        msg = self._messages.get((p.get("chat_id"), p.get("message_id")))  # type: ignore[arg-type]
        if msg is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        if msg.get("text") == text and msg.get("reply_markup") == markup:
            raise ApiError(400, "Bad Request: message is not modified: specified new message "
                                "content and reply markup are exactly the same as a current "
                                "content and reply markup of the message")
        msg.update(text=text, edit_date=int(time.time()))
        msg.pop("reply_markup", None)
        if markup:
            msg["reply_markup"] = markup
        return dict(msg)

    def _m_answerCallbackQuery(self, p: Json) -> bool:
        if str(p.get("callback_query_id")) not in self._callback_ids:
            raise ApiError(400, "Bad Request: query is too old and response timeout expired or "
                                "query ID is invalid")
        return True

    def _location(self, p: Json) -> Json:
        try:
            lat, lon = float(p["latitude"]), float(p["longitude"])
        except (KeyError, TypeError, ValueError):
            raise ApiError(400, "Bad Request: wrong latitude or longitude") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ApiError(400, "Bad Request: wrong latitude or longitude")
        return {"latitude": lat, "longitude": lon}

    def _m_sendLocation(self, p: Json) -> Json:
        location = self._location(p)
        self._rate_limit(p["chat_id"])
        return self._new_message(p["chat_id"], location=location, reply_markup=self._markup(p))

    def _m_sendVenue(self, p: Json) -> Json:
        location = self._location(p)
        if not p.get("title") or not p.get("address"):
            raise ApiError(400, "Bad Request: venue title and address must be non-empty")
        self._rate_limit(p["chat_id"])
        venue = {"location": location, "title": p["title"], "address": p["address"]}
        return self._new_message(p["chat_id"], location=location, venue=venue,
                                 reply_markup=self._markup(p))

    def _m_getChat(self, p: Json) -> Json:
        gifts = dict.fromkeys(("unlimited_gifts", "limited_gifts", "unique_gifts",
                               "premium_subscription", "gifts_from_channels"), False)
        return {**self.chat(p["chat_id"]), "accent_color_id": 0, "max_reaction_count": 11,
                "accepted_gift_types": gifts}

    def _member(self, chat_id: Any, user_id: int) -> Json:
        owner, admins = self._admins.get(chat_id, (None, set()))
        user = self.bot_user if user_id == self.bot_user["id"] else {
            "id": user_id, "is_bot": False, "first_name": f"User{user_id}"}
        if user_id == owner:
            return {"status": "creator", "user": user, "is_anonymous": False}
        if user_id in admins:
            rights = ("can_manage_chat can_delete_messages can_manage_video_chats "
                      "can_restrict_members can_promote_members can_change_info can_invite_users "
                      "can_post_stories can_edit_stories can_delete_stories").split()
            return {"status": "administrator", "user": user, "can_be_edited": False,
                    "is_anonymous": False, **dict.fromkeys(rights, True)}
        return {"status": "member", "user": user}

    def _m_getChatMember(self, p: Json) -> Json:
        if not str(p.get("user_id") or "").lstrip("-").isdigit():
            raise ApiError(400, "Bad Request: invalid user_id specified")
        return self._member(p.get("chat_id"), int(p["user_id"]))

    def _m_getChatAdministrators(self, p: Json) -> list[Json]:
        chat_id = p["chat_id"]
        if self.chat(chat_id)["type"] == "private":
            raise ApiError(400, "Bad Request: there are no administrators in the private chat")
        owner, admins = self._admins.get(chat_id, (None, set()))
        ids = ([owner] if owner is not None else []) + sorted(admins - {owner})
        return [self._member(chat_id, uid) for uid in ids]

    def _m_leaveChat(self, p: Json) -> bool:
        return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the test Bot API server until SIGTERM/SIGINT.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--token", action="append", help=f"valid token (default {DEFAULT_TOKEN})")
    parser.add_argument("--username", default="secalert_test_bot")
    parser.add_argument("--enforce-limits", action="store_true")
    args = parser.parse_args(argv)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    with BotApiServer(args.token or DEFAULT_TOKEN, host=args.host, port=args.port,
                      username=args.username, enforce_limits=args.enforce_limits) as srv:
        print(srv.url, flush=True)
        while not stop.wait(0.5):
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
