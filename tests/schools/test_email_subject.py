import datetime

from django.template.loader import render_to_string


def test_the_visit_request_subject_is_not_html_escaped():
    visit_request = {
        "institution_name": 'SMK "Bina Karya" & Pesantren Al-Ma\'arif',
        "preferred_date": datetime.date(2026, 12, 3),
    }
    subject = render_to_string("schools/emails/visit_request_subject.txt", {"visit_request": visit_request})
    assert 'SMK "Bina Karya" & Pesantren Al-Ma\'arif' in subject
