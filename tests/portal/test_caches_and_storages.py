"""The CACHES and STORAGES that several app servers share: Redis with REDIS_URL, S3 with S3_BUCKET."""

from portal import object_storage
from portal.caches import REDIS_BACKEND, cache_config

LOCAL = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "TIMEOUT": 300},
}


def test_without_redis_every_cache_stays_as_configured():
    assert cache_config("", LOCAL) == LOCAL


def test_with_redis_every_cache_is_in_redis_under_its_own_prefix():
    config = cache_config("redis://10.0.0.5:6379/0", LOCAL)
    assert {alias: (entry["BACKEND"], entry["LOCATION"]) for alias, entry in config.items()} == {
        "default": (REDIS_BACKEND, "redis://10.0.0.5:6379/0"),
        "pages": (REDIS_BACKEND, "redis://10.0.0.5:6379/0"),
    }
    assert [entry["KEY_PREFIX"] for entry in config.values()] == ["default", "pages"]
    assert config["pages"]["TIMEOUT"] == 300
    assert "TIMEOUT" not in config["default"]


def test_private_files_go_to_their_own_bucket_with_the_private_acl():
    config = object_storage.s3_storages(bucket="portal-media", private_bucket="portal-private")
    public, private = config["default"]["OPTIONS"], config["private"]["OPTIONS"]
    assert (public["bucket_name"], public["default_acl"], public["querystring_auth"]) == (
        "portal-media",
        "public-read",
        False,
    )
    assert (private["bucket_name"], private["location"], private["default_acl"]) == ("portal-private", "", "private")
    assert config["private"]["BACKEND"] == "portal.private_s3.PrivateS3Storage"


def test_without_a_private_bucket_private_files_go_under_a_prefix_of_the_public_one():
    private = object_storage.s3_storages(bucket="portal-media")["private"]["OPTIONS"]
    assert (private["bucket_name"], private["location"], private["default_acl"]) == (
        "portal-media",
        "private",
        "private",
    )


def test_the_public_photos_origin_is_allowed_by_the_content_security_policy():
    assert object_storage.public_origin(bucket="b", endpoint_url="https://s3.example.go.id:9000/x") == [
        "https://s3.example.go.id:9000"
    ]
    assert object_storage.public_origin(bucket="b", custom_domain="media.example.go.id") == [
        "https://media.example.go.id"
    ]
    assert object_storage.public_origin(bucket="b", region="ap-southeast-3") == [
        "https://b.s3.amazonaws.com",
        "https://b.s3.ap-southeast-3.amazonaws.com",
    ]
