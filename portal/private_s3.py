"""The private storage on S3 (see ``portal.object_storage``)."""

from storages.backends.s3 import S3Storage

NOT_SERVED_URL = "/private-media-is-not-served/"


class PrivateS3Storage(S3Storage):
    """Private objects never get a URL, not even a signed one: the same placeholder the filesystem storage gives,
    which nothing serves."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        return NOT_SERVED_URL + name
