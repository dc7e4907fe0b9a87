"""ingest/subtitles.py: a subtitle script's cues read as running text."""
from ingest.load import load_file, text_lines
from ingest.subtitles import is_subtitles

SCRIPT = """《青春丽江·2025》年度宣传片　字幕稿（定稿）
出品：共青团丽江市委员会

1
00:00:14,300 --> 00:00:19,800
旁白：2025年，全市各级团组织

2
00:00:20,200 --> 00:00:26,900
旁白：新发展团员三千零八十一名，

3
00:00:27,300 --> 00:00:35,300
旁白：四万七千七百余名团员在这里扎根、成长。

4
00:00:35,700 --> 00:00:41,500
【同期声】木晓婷（团古城区委副书记）：

5
00:00:41,900 --> 00:00:51,100
木晓婷：暑期最忙的时候，我们一天要接待游客上千人。
"""


def test_cues_of_one_speaker_run_on_until_a_sentence_ends_and_time_codes_go():
    lines = text_lines(SCRIPT)
    assert "旁白：2025年，全市各级团组织新发展团员三千零八十一名，四万七千七百余名团员在这里扎根、成长。" in lines
    assert "出品：共青团丽江市委员会" in lines and "【同期声】木晓婷（团古城区委副书记）：" in lines
    assert not any("-->" in line or line.strip().isdigit() for line in lines)


def test_a_gb18030_subtitle_file_is_read_as_one(tmp_path):
    path = tmp_path / "zimu.txt"
    path.write_bytes(SCRIPT.replace("\n", "\r\n").encode("gb18030"))
    assert any("新发展团员三千零八十一名" in line and "四万七千七百余名" in line for line in load_file(path, 10**6).lines)


def test_a_report_with_a_time_or_two_is_no_subtitle_script():
    assert not is_subtitles(["会议于09:00:00,000 --> 09:30:00,000举行", "全年新发展团员3081名。"])
