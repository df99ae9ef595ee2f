import csv
import io

import openpyxl

from outreach.spreadsheets import csv_response, csv_safe, xlsx_response


def _rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def test_it_answers_an_utf8_csv_attachment_with_a_bom():
    response = csv_response("visits.csv", ["Name", "Desa"], [["Sri", "Kanigoro"], ["Bambang", "Sanankulon"]])

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="visits.csv"'
    assert _rows(response) == [["Name", "Desa"], ["Sri", "Kanigoro"], ["Bambang", "Sanankulon"]]


def test_it_keeps_non_ascii_text_and_empty_cells():
    response = csv_response("x.csv", ["Catatan"], [["Pojok baca – buku baru ✓"], [None]])

    assert _rows(response)[1:] == [["Pojok baca – buku baru ✓"], [""]]


def test_it_accepts_rows_from_a_generator():
    response = csv_response("x.csv", ["n"], ([str(n)] for n in range(3)))

    assert _rows(response) == [["n"], ["0"], ["1"], ["2"]]


def test_cells_cannot_become_formulas():
    response = csv_response("x.csv", ["=HEADER"], [["=HYPERLINK(1)", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "ok"]])

    rows = _rows(response)
    assert rows[0] == ["'=HEADER"]
    assert rows[1] == ["'=HYPERLINK(1)", "'+1", "'-2", "'@SUM(A1)", "'\tx", "'\rx", "ok"]


def test_csv_safe_leaves_plain_text_alone():
    assert csv_safe("LPR-7K4M") == "LPR-7K4M"
    assert csv_safe(12) == "12"
    assert csv_safe(None) == ""


def test_it_writes_comment_lines_before_the_header():
    response = csv_response("x.csv", ["n"], [["1"]], comments=["Licence: CC BY 4.0", "n:\nthe number"])

    assert _rows(response) == [["# Licence: CC BY 4.0"], ["# n: the number"], ["n"], ["1"]]


def test_it_writes_no_comment_line_without_comments():
    assert _rows(csv_response("x.csv", ["n"], [["1"]]))[0] == ["n"]


def test_a_workbook_keeps_numbers_as_numbers_and_formulas_as_text():
    response = xlsx_response("x.xlsx", [("sheet", ["name", "n"], [["=HYPERLINK(1)", 3], [None, 4.5]])])

    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["sheet"]
    assert [[cell.value for cell in row] for row in sheet.rows] == [["name", "n"], ["=HYPERLINK(1)", 3], [None, 4.5]]
    assert sheet["A2"].data_type == "s"


def test_a_streamed_csv_has_the_same_bytes_as_a_whole_one():
    many = [[f"=row {n}", "Pojok baca ✓", None, n] for n in range(5000)]  # several stream buffers
    whole = csv_response("x.csv", ["n"], many, comments=["Licence: CC BY 4.0"])
    streamed = csv_response("x.csv", ["n"], iter(many), comments=["Licence: CC BY 4.0"], stream=True)
    assert streamed.streaming and not whole.streaming
    assert len(list(streamed.streaming_content)) > 1
    assert b"".join(csv_response("x.csv", ["n"], iter(many), stream=True).streaming_content) == (
        csv_response("x.csv", ["n"], many).content
    )
    assert streamed["Content-Disposition"] == whole["Content-Disposition"]
    assert streamed["Content-Type"] == whole["Content-Type"]


def test_a_streamed_csv_reads_its_rows_only_while_it_is_sent():
    read = []

    def rows():
        for n in range(3):
            read.append(n)
            yield [n]

    response = csv_response("x.csv", ["n"], rows(), stream=True)
    assert read == []
    assert b"".join(response.streaming_content) == "\ufeffn\r\n0\r\n1\r\n2\r\n".encode()
    assert read == [0, 1, 2]
