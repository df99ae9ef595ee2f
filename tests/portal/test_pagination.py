import re

from django.core.paginator import Paginator
from django.template.loader import render_to_string


def page_links(number, pages):
    page_obj = Paginator(range(pages), 1).get_page(number)
    html = render_to_string("includes/pagination.html", {"page_obj": page_obj})
    return re.findall(r'class="page-link"[^>]*>([^<]+)<', html)


def test_ten_thousand_pages_render_a_bounded_number_of_links():
    links = page_links(5000, 10_000)
    assert links == ["Sebelumnya", "1", "…", "4998", "4999", "5000", "5001", "5002", "…", "10000", "Berikutnya"]


def test_the_first_and_last_page_keep_the_window_at_the_ends():
    assert page_links(1, 10_000) == ["1", "2", "3", "…", "10000", "Berikutnya"]
    assert page_links(10_000, 10_000) == ["Sebelumnya", "1", "…", "9998", "9999", "10000"]


def test_a_few_pages_are_all_linked_without_ellipsis():
    assert page_links(3, 5) == ["Sebelumnya", "1", "2", "3", "4", "5", "Berikutnya"]


def test_a_single_page_has_no_links():
    assert page_links(1, 1) == []


def test_an_ellipsis_never_hides_a_single_page():
    assert page_links(5, 9)[1:-1] == ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
