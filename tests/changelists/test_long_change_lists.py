"""The long change lists (outreach.changelists): 50 rows a page, and a row checkbox that is the HTML Django writes."""

import pytest
from django.contrib import admin
from django.utils import translation

from outreach.activities.models import Activity
from outreach.schools.models import Institution
from outreach.villages.models import Village
from tests.activities.helpers import CHANGELIST_URL
from tests.factories import ActivityFactory, InstitutionFactory, VillageFactory, supervisor

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize(
    ("model", "factory", "name"),
    [
        (Village, VillageFactory, {"name": 'Desa <b>"Bakung"</b> & Co'}),
        (Institution, InstitutionFactory, {"name": "SMA 'Satu' <script>"}),
        (Activity, ActivityFactory, {"title": "Sosialisasi <i>paspor</i> & TPPO"}),
    ],
)
def test_the_checkbox_is_what_django_writes(model, factory, name, language):
    obj = factory(**name)
    model_admin = admin.site.get_model_admin(model)
    with translation.override(language):
        assert model_admin.action_checkbox(obj) == admin.ModelAdmin.action_checkbox(model_admin, obj)


def test_a_name_with_markup_is_escaped_in_the_label():
    village = VillageFactory(name='Desa "<b>Bakung</b>"')
    html = admin.site.get_model_admin(Village).action_checkbox(village)
    assert "<b>" not in html and "&lt;b&gt;" in html


def test_the_checkboxes_select_the_rows_for_an_action(client):
    """The list carries a checkbox per row whose value the action receives (publish, here)."""
    activity = ActivityFactory(status="draft")
    client.force_login(supervisor())
    html = client.get(CHANGELIST_URL).text
    assert f'name="_selected_action" value="{activity.pk}" class="action-select"' in html
    client.post(CHANGELIST_URL, {"action": "publish", "_selected_action": [activity.pk]})
    activity.refresh_from_db()
    assert activity.status == "published"


LISTS = [
    ("/admin/villages/village/", VillageFactory),
    ("/admin/schools/institution/", InstitutionFactory),
    (CHANGELIST_URL, ActivityFactory),
]


@pytest.mark.parametrize(("url", "factory"), LISTS)
def test_a_long_list_shows_50_rows_a_page(client, url, factory):
    factory.create_batch(51)
    client.force_login(supervisor())
    first = client.get(url).context["cl"]
    assert len(first.result_list) == 50 and first.multi_page
    assert len(client.get(url, {"p": 2}).context["cl"].result_list) == 1


@pytest.mark.parametrize(("url", "factory"), LISTS)
def test_50_rows_fit_one_page(client, url, factory):
    factory.create_batch(50)
    client.force_login(supervisor())
    cl = client.get(url).context["cl"]
    assert len(cl.result_list) == 50 and not cl.multi_page
