import pytest

from outreach.stats.models import Figure
from tests.factories import FigureFactory, SeriesFactory, content_editor, officer, supervisor

pytestmark = pytest.mark.django_db
ADD_URL = "/admin/stats/figure/add/"
CHANGELIST_URL = "/admin/stats/figure/"


def figure_form(series, **overrides):
    data = {
        "series": series.pk,
        "year": "2023",
        "breakdown": "",
        "breakdown_en": "",
        "value": "31598",
        "as_of": "2023-12-31",
        "note": "",
        "note_en": "",
        "source": "Rilis akhir tahun Kantor Imigrasi Blitar, 28 Desember 2023",
        "source_en": "",
        "source_url": "",
        "status": "published",
    }
    return data | overrides


def test_a_supervisor_publishes_a_figure_with_its_source(client):
    series = SeriesFactory()
    client.force_login(supervisor())
    assert client.post(ADD_URL, figure_form(series)).status_code == 302
    assert Figure.objects.get(series=series).is_published


def test_the_admin_refuses_to_publish_a_figure_without_a_source(client):
    series = SeriesFactory()
    client.force_login(supervisor())
    response = client.post(ADD_URL, figure_form(series, source=""))
    assert response.status_code == 200
    assert "Angka tanpa sumber tidak dapat diterbitkan" in response.text
    assert not Figure.objects.filter(series=series).exists()


def test_the_publish_action_leaves_figures_without_a_source_as_drafts(client):
    sourced = FigureFactory(status="draft")
    unsourced = FigureFactory(status="draft", source="", source_en="", year=2022)
    client.force_login(supervisor())
    data = {"action": "publish", "_selected_action": [sourced.pk, unsourced.pk]}
    response = client.post(CHANGELIST_URL, data, follow=True)
    sourced.refresh_from_db()
    unsourced.refresh_from_db()
    assert sourced.is_published and not unsourced.is_published
    assert "tetap menjadi draf" in response.text


@pytest.mark.parametrize("make_user", [officer, content_editor])
def test_only_supervisors_manage_the_published_figures(client, make_user):
    client.force_login(make_user())
    assert client.get(CHANGELIST_URL).status_code == 403
    assert client.get(ADD_URL).status_code == 403


def test_an_anonymous_visitor_is_sent_to_the_login(client):
    response = client.get(CHANGELIST_URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
