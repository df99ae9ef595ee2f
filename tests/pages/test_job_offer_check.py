from urllib.parse import parse_qs, urlsplit

import pytest

from outreach.abuse.forms import started_value
from outreach.pages.job_offer import HIGH, LOW, MEDIUM, assess

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("signs", "level"),
    [
        ([], LOW),
        (["salary"], MEDIUM),
        (["salary", "fast"], MEDIUM),
        (["salary", "fast", "social"], HIGH),
        (["documents"], HIGH),
        (["visa", "salary"], HIGH),
        (["unknown-sign"], LOW),
    ],
)
def test_the_risk_level_of_sample_answers(signs, level):
    assert assess(signs).level == level


def test_the_check_works_without_javascript(client):
    response = client.get("/cek-tawaran-kerja/", {"checked": "1", "signs": ["fee", "fast"]})
    assert response.status_code == 200
    assert "Risiko tinggi" in response.text
    assert "Laporkan tawaran ini" in response.text


def test_the_blank_form_shows_no_result(client):
    response = client.get("/cek-tawaran-kerja/")
    assert 'id="result"' not in response.text


def test_no_sign_ticked_gives_no_report_button(client):
    response = client.get("/cek-tawaran-kerja/", {"checked": "1"})
    assert 'id="result"' in response.text
    assert "Laporkan tawaran ini" not in response.text


def test_report_this_offer_prefills_the_report_form(client):
    url = assess(["documents", "fast"]).report_url()
    query = parse_qs(urlsplit(url).query)
    assert urlsplit(url).path == "/lapor/"
    assert query["category"] == ["recruitment"]
    form = client.get(url).context["form"]
    assert form["category"].value() == "recruitment"
    assert "Risiko tinggi" in form["description"].value()
    assert "paspor, KTP" in form["description"].value()


def test_the_report_form_ignores_an_unknown_prefilled_category(client):
    form = client.get("/lapor/", {"category": "made-up", "description": "x" * 30}).context["form"]
    assert form["category"].value() is None
    assert form["description"].value() == "x" * 30


def test_a_draft_already_begun_wins_over_the_prefill(client, settings):
    settings.REPORT_MIN_FILL_SECONDS = 0
    answers = {"category": "overstay", "description": "Orang asing tinggal di rumah kos sejak Maret."}
    client.post("/lapor/", answers | {"identity": "anonymous", "started": started_value()})
    form = client.get("/lapor/", {"category": "recruitment", "description": "y" * 30}).context["form"]
    assert form["category"].value() == "overstay"


def test_nothing_is_stored_by_the_check(client, django_assert_num_queries):
    with django_assert_num_queries(2):  # the frame: office profile and site notices
        client.get("/cek-tawaran-kerja/", {"checked": "1", "signs": ["fee"]})
