"""make test looks for a browser and a redis-server before its long steps, and says in one line how to get one."""

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIND_CHROMIUM = str(ROOT / "scripts" / "find-chromium")


def find_chromium(tmp_path, **env):
    """scripts/find-chromium on a machine with nothing on PATH and an empty home."""
    environment = {"PATH": str(tmp_path / "bin"), "HOME": str(tmp_path / "home"), **env}
    return subprocess.run([FIND_CHROMIUM], env=environment, capture_output=True, text=True)


def make_test_steps() -> list[str]:
    """The commands `make test` would run first (a dry run outside any enclosing make)."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith("MAKE")}
    result = subprocess.run(["make", "-n", "test"], cwd=ROOT, env=environment, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def program(path: Path) -> Path:
    """An executable (empty shell script) at ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n")
    path.chmod(0o755)
    return path


def test_make_test_looks_for_a_browser_before_anything_else():
    assert make_test_steps()[0] == "scripts/find-chromium >/dev/null"


def test_without_a_browser_it_fails_with_one_line_saying_how_to_get_one(tmp_path):
    result = find_chromium(tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert "apt-get install chromium" in result.stderr
    assert ".venv/bin/playwright install chromium" in result.stderr


def test_it_finds_debians_chromium_on_the_path(tmp_path):
    chromium = program(tmp_path / "bin" / "chromium")
    result = find_chromium(tmp_path)
    assert (result.returncode, result.stdout.strip()) == (0, str(chromium))


def test_it_finds_playwrights_own_download(tmp_path):
    chrome = program(tmp_path / "home" / ".cache" / "ms-playwright" / "chromium-1200" / "chrome-linux" / "chrome")
    result = find_chromium(tmp_path)
    assert (result.returncode, result.stdout.strip()) == (0, str(chrome))


def test_a_chromium_path_that_is_no_program_is_refused(tmp_path):
    result = find_chromium(tmp_path, CHROMIUM_PATH=str(tmp_path / "missing"))
    assert result.returncode == 1
    assert "is not an executable browser" in result.stderr


FIND_REDIS_SERVER = str(ROOT / "scripts" / "find-redis-server")


def find_redis_server(tmp_path, **env):
    """scripts/find-redis-server on a machine with nothing on PATH."""
    environment = {"PATH": str(tmp_path / "bin"), **env}
    return subprocess.run([FIND_REDIS_SERVER], env=environment, capture_output=True, text=True)


def test_make_test_looks_for_redis_server_right_after_the_browser():
    assert make_test_steps()[1] == "scripts/find-redis-server >/dev/null"


def test_without_redis_server_it_fails_with_one_line_saying_how_to_get_it(tmp_path):
    result = find_redis_server(tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert "apt-get install redis-server" in result.stderr


def test_it_finds_debians_redis_server_on_the_path(tmp_path):
    redis_server = program(tmp_path / "bin" / "redis-server")
    result = find_redis_server(tmp_path)
    assert (result.returncode, result.stdout.strip()) == (0, str(redis_server))


def test_a_redis_server_setting_that_is_no_program_is_refused(tmp_path):
    result = find_redis_server(tmp_path, REDIS_SERVER=str(tmp_path / "missing"))
    assert result.returncode == 1
    assert "is not an executable redis-server" in result.stderr
