"""The portal's own admin pages show Django's breadcrumb bar, the last crumb marked as the current page."""

import re

import pytest

from tests.factories import supervisor

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url", ["/admin/activities/dashboard/", "/admin/stats/yearlyreport/", "/admin/stats/yearlyreport/kecamatan/"]
)
def test_a_custom_admin_page_has_the_styled_breadcrumb_list(client, url):
    client.force_login(supervisor())
    html = client.get(url).text
    crumbs = re.search(r'<ol class="breadcrumbs">(.*?)</ol>', html, re.S)
    assert crumbs is not None
    assert '<li aria-current="page">' in crumbs.group(1)
    assert '<div class="breadcrumbs">' not in html


def test_the_admin_home_keeps_no_breadcrumb_list(client):
    client.force_login(supervisor())
    assert '<ol class="breadcrumbs">' not in client.get("/admin/").text
