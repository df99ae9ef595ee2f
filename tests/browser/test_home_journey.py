from playwright.sync_api import expect

from tests.factories import OfficeProfileFactory


def test_a_resident_opens_the_home_page_and_switches_to_english(page, transactional_db):
    OfficeProfileFactory()
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page.get_by_role("heading", level=1)).to_have_text("Imigrasi hadir di tengah masyarakat")
    expect(page.get_by_role("contentinfo")).to_contain_text("Kantor Imigrasi Kelas II Non TPI Blitar")

    page.get_by_role("link", name="English").click()

    expect(page).to_have_url(page.url.rsplit("/", 2)[0] + "/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Immigration comes to the people")
    # The stylesheet is served (hashed by whitenoise's manifest) and applied.
    header_background = page.locator(".site-header").evaluate("el => getComputedStyle(el).backgroundColor")
    assert header_background == "rgb(11, 58, 102)"
