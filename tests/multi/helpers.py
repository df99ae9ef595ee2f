"""The real parts of the multi-server test: a redis-server, an S3-compatible server (moto) and app servers
(gunicorn, as `make serve` runs it), all on the loopback and started and stopped by the tests; and a small
HTTP client that keeps its cookies as a browser behind a load balancer would (Secure cookies included: the
trial runs plain HTTP)."""

import re
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import boto3
import pytest
import requests
from moto.server import ThreadedMotoServer

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import serve  # noqa: E402

S3_KEY_ID, S3_SECRET = "portal-test-key", "portal-test-secret"
PUBLIC_BUCKET, PRIVATE_BUCKET = "portal-public", "portal-private"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(check, what: str, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except (OSError, requests.RequestException):
            pass
        time.sleep(0.2)
    raise AssertionError(f"{what} did not start within {seconds} s")


def redis_server_program() -> str:
    """Debian's redis-server, or a failure saying in one line how to install it (never a silent skip)."""
    found = subprocess.run([str(ROOT / "scripts" / "find-redis-server")], capture_output=True, text=True)
    if found.returncode != 0:
        pytest.fail(found.stderr.strip(), pytrace=False)
    return found.stdout.strip()


@contextmanager
def redis_server():
    """A throwaway redis-server on a free loopback port, without persistence. Yields its URL."""
    port = free_port()
    process = subprocess.Popen(
        [redis_server_program(), "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until(lambda: socket.create_connection(("127.0.0.1", port), timeout=1).close() is None, "redis-server")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(10)


@contextmanager
def s3_server():
    """moto's S3 server on a free loopback port with a public and a private bucket. Yields its endpoint URL."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    try:
        client = s3_client(endpoint)
        for bucket in (PUBLIC_BUCKET, PRIVATE_BUCKET):
            client.create_bucket(Bucket=bucket)
        yield endpoint
    finally:
        server.stop()


def s3_client(endpoint: str):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=S3_KEY_ID,
        aws_secret_access_key=S3_SECRET,
        region_name="us-east-1",
    )


def bucket_keys(endpoint: str, bucket: str) -> list[str]:
    answer = s3_client(endpoint).list_objects_v2(Bucket=bucket)
    return sorted(entry["Key"] for entry in answer.get("Contents", []))


def database_url(settings_dict: dict) -> str:
    """The URL of the database Django is connected to (the test database), for the app servers."""
    user, password, name = settings_dict["USER"], settings_dict["PASSWORD"] or "", settings_dict["NAME"]
    host, port = settings_dict["HOST"] or "", settings_dict["PORT"] or ""
    if host.startswith("/"):
        return f"postgres://{user}:{password}@/{name}?host={host}"
    return f"postgres://{user}:{password}@{host}:{port}/{name}"


def server_environment(ports: list[int], **settings) -> dict[str, str]:
    """The trial settings of `make serve` (DEBUG off) for servers on ``ports``, with ``settings`` on top (patch
    ``serve.ENV_FILE`` first: the trial writes its settings there)."""
    origins = ",".join(f"http://127.0.0.1:{port}" for port in ports)
    return {
        **serve.server_environment(ports[0]),
        "CSRF_TRUSTED_ORIGINS": origins,
        **settings,
    }


@contextmanager
def app_server(port: int, env: dict, log: Path):
    """gunicorn serving the portal on ``port`` (the command of `make serve`), until the block ends."""
    command = serve.gunicorn_command("portal.wsgi:application", port, "--workers=2")
    with log.open("wb") as output:
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)
        try:
            wait_until(
                lambda: (
                    process.poll() is None
                    and requests.get(f"http://127.0.0.1:{port}/healthz", timeout=5).status_code == 200
                ),
                f"The app server on port {port} (log: {log})",
            )
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            process.wait(20)


class Browser:
    """A visitor's cookies, sent to every server (a load balancer may send each request to another one)."""

    def __init__(self):
        self.cookies: dict[str, str] = {}

    def request(self, method: str, url: str, **kwargs) -> requests.Response:
        response = requests.request(method, url, cookies=self.cookies, allow_redirects=False, timeout=30, **kwargs)
        self.cookies.update({cookie.name: cookie.value for cookie in response.cookies})
        return response

    def get(self, url: str, **kwargs) -> requests.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, data: dict, **kwargs) -> requests.Response:
        """A form sent with the CSRF token of the page it came from (the cookie's, as Django accepts)."""
        return self.request("POST", url, data={"csrfmiddlewaretoken": self.cookies["csrftoken"], **data}, **kwargs)


def hidden_input(html: str, name: str) -> str:
    match = re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', html) or re.search(
        rf'<input[^>]*value="([^"]*)"[^>]*name="{name}"', html
    )
    assert match, f"no hidden input {name}"
    return match.group(1)
