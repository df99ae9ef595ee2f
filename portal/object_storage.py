"""The ``default`` and ``private`` storages on S3-compatible object storage (django-storages), when configured.

``default`` holds the public copies of published, consented activity photos (and other public uploads): objects
readable by anyone, at plain unsigned URLs. ``private`` holds report photos and every activity photo's original
and thumbnails: objects with the ``private`` ACL, in their own bucket or under the ``private/`` prefix of the
public one, never given a URL. They are served only through a permission-checked view
(``outreach.media.private_file_response``), which reads them with ``storage.open``.

Settings import this module; the storage classes (and boto3) are imported only when a storage is first used.
"""

from urllib.parse import urlsplit

S3_BACKEND = "storages.backends.s3.S3Storage"
PRIVATE_S3_BACKEND = "portal.private_s3.PrivateS3Storage"  # its own module: settings need not import boto3
PRIVATE_PREFIX = "private"


def s3_storages(
    *,
    bucket: str,
    private_bucket: str = "",
    endpoint_url: str = "",
    region: str = "",
    access_key: str = "",
    secret_key: str = "",
    public_acl: str = "public-read",
    custom_domain: str = "",
) -> dict[str, dict]:
    """The ``default`` and ``private`` entries of ``STORAGES`` on S3. Without ``private_bucket`` the private files
    live under ``private/`` in ``bucket`` (then the bucket must not be public by a bucket policy: public objects are
    public by their ACL). Empty credentials leave them to boto3 (environment, instance role)."""
    common = {
        "bucket_name": bucket,
        "file_overwrite": False,  # as the filesystem storage: a name already taken gets a new one
        **({"endpoint_url": endpoint_url} if endpoint_url else {}),
        **({"addressing_style": "path"} if endpoint_url else {}),
        **({"region_name": region} if region else {}),
        **({"access_key": access_key, "secret_key": secret_key} if access_key else {}),
    }
    public = {
        **common,
        "querystring_auth": False,
        "default_acl": public_acl or None,
        **({"custom_domain": custom_domain} if custom_domain else {}),
    }
    private = {
        **common,
        "bucket_name": private_bucket or bucket,
        "location": "" if private_bucket else PRIVATE_PREFIX,
        "default_acl": "private",
    }
    return {
        "default": {"BACKEND": S3_BACKEND, "OPTIONS": public},
        "private": {"BACKEND": PRIVATE_S3_BACKEND, "OPTIONS": private},
    }


def public_origin(*, bucket: str, endpoint_url: str = "", region: str = "", custom_domain: str = "") -> list[str]:
    """Where the public copies are loaded from, for the Content Security Policy's ``img-src``."""
    if custom_domain:
        return [f"https://{custom_domain}"]
    if endpoint_url:
        parts = urlsplit(endpoint_url)
        return [f"{parts.scheme}://{parts.netloc}"]
    regional = [f"https://{bucket}.s3.{region}.amazonaws.com"] if region else []
    return [f"https://{bucket}.s3.amazonaws.com", *regional]
