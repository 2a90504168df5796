"""Polite fetching: robots.txt obeyed, one request at a time per host, spaced, retried.

Every request names zhenggai and its version in its User-Agent. A host's robots.txt is read
once (urllib.robotparser); a path it refuses is never requested. Requests to one host are at
least `delay` seconds apart (or the Crawl-delay robots.txt asks for, if longer), counted from
the end of one answer, so the host sees the spacing however long a request took to reach it
(counted from the start, a slow connection then a quick one arrived closer). A 5xx answer
or a timeout is tried again after a growing pause; a 4xx answer is final. A body larger than
the limit is not read past it.
"""

from __future__ import annotations

import time
import urllib.robotparser
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from zhenggai import __version__

USER_AGENT = f"zhenggai/{__version__} (research software collecting published rectification " \
             "notices; one request at a time)"
RETRIES = 3  # attempts after the first, for a 5xx answer or a timeout
MAX_REDIRECTS = 5
CHUNK = 64 * 1024


@dataclass
class Fetched:
    """One answer: what came back, or why nothing usable did."""

    url: str
    final_url: str = ""
    status: int | None = None
    content_type: str = ""
    body: bytes = b""
    error: str = ""  # why the body is not usable ("" when it is)
    retrieved_at: str = ""
    location: str = ""  # where a redirect points


@dataclass
class PoliteClient:
    """An HTTP client that keeps to robots.txt, a delay per host and a size limit."""

    delay: float = 1.0
    timeout: float = 30.0
    max_bytes: int = 20 * 1024 * 1024
    client: httpx.Client = field(init=False)
    robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)
    last_request: dict[str, float] = field(default_factory=dict)
    requested: list[str] = field(default_factory=list)  # every URL asked for, in order

    def __post_init__(self) -> None:
        # redirects are followed here, one by one, so that each target is checked too
        self.client = httpx.Client(follow_redirects=False, timeout=self.timeout,
                                   headers={"User-Agent": USER_AGENT})

    def close(self) -> None:
        self.client.close()

    def _wait_for(self, host: str, delay: float) -> None:
        last = self.last_request.get(host)
        if last is not None:
            pause = delay - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)

    def _host_delay(self, host: str) -> float:
        rules = self.robots.get(host)
        asked = rules.crawl_delay(USER_AGENT) if rules is not None else None
        return max(self.delay, float(asked or 0))

    def _rules(self, url: str) -> urllib.robotparser.RobotFileParser | None:
        """The host's robots.txt (read once); None when it could not be read, which
        refuses every path of the host."""
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self.robots:
            answer = self._get(f"{host}/robots.txt", retries=1, delay=self.delay)
            rules = urllib.robotparser.RobotFileParser()
            if answer.status is not None and 400 <= answer.status < 500:
                rules.parse([])  # no robots.txt: everything allowed
            elif answer.error:
                rules = None
            else:
                rules.parse(answer.body.decode("utf-8", "replace").splitlines())
            self.robots[host] = rules
        return self.robots[host]

    def allowed(self, url: str) -> bool:
        rules = self._rules(url)
        return rules is not None and rules.can_fetch(USER_AGENT, url)

    def get(self, url: str, hosts: set[str] | None = None) -> Fetched:
        """A page or file, if robots.txt allows it (else an error saying so), following
        redirects within `hosts` (network locations; any host when None)."""
        target = url
        for _ in range(MAX_REDIRECTS + 1):
            if hosts is not None and urlsplit(target).netloc not in hosts:
                return Fetched(url, target, error="not fetched: redirected to another host")
            if not self.allowed(target):
                rules = self.robots.get(_host(target))
                why = "robots.txt could not be read" if rules is None else \
                    "refused by robots.txt"
                return Fetched(url, target, error=f"not fetched: {why}")
            answer = self._get(target, RETRIES, self._host_delay(_host(target)))
            location = answer.location
            if not location:
                answer.url = url
                return answer
            target = str(httpx.URL(target).join(location))
        return Fetched(url, target, error=f"more than {MAX_REDIRECTS} redirects")

    def _get(self, url: str, retries: int, delay: float) -> Fetched:
        for attempt in range(retries + 1):
            self._wait_for(_host(url), delay * (2 ** attempt if attempt else 1))
            self.requested.append(url)
            answer = self._once(url)
            self.last_request[_host(url)] = time.monotonic()  # the answer's end
            retry = answer.error.startswith("timed out") or (
                answer.status is not None and answer.status >= 500)
            if not retry:
                return answer
        return answer

    def _once(self, url: str) -> Fetched:
        stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        try:
            with self.client.stream("GET", url) as response:
                fetched = Fetched(url, str(response.url), response.status_code,
                                  response.headers.get("content-type", ""), retrieved_at=stamp)
                if response.is_redirect and response.headers.get("location"):
                    fetched.location = response.headers["location"]
                    return fetched
                if response.status_code >= 400:
                    fetched.error = f"HTTP {response.status_code}"
                    return fetched
                body = bytearray()
                for chunk in response.iter_bytes(CHUNK):
                    body += chunk
                    if len(body) > self.max_bytes:
                        fetched.error = (f"larger than {self.max_bytes:,} bytes: not saved "
                                         "(raise the limit with --max-file-mb)")
                        return fetched
                fetched.body = bytes(body)
                return fetched
        except httpx.TimeoutException:
            return Fetched(url, error=f"timed out after {self.timeout:g} s", retrieved_at=stamp)
        except httpx.HTTPError as exc:
            return Fetched(url, error=f"could not connect: {type(exc).__name__}",
                           retrieved_at=stamp)


def _host(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
