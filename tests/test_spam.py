"""What an editor sees from generator.check.spam (now generator.check.spam): exact spans and reasons."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.check.characters import find_forbidden_characters
from generator.check.normalize import for_matching
from generator.check.spam import Finding, find_spam

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "seeds"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SEED_000 = "000_eb92022e2d7c0fef.txt"
SEED_001 = "001_bef52ce6328c5e71.txt"
VPN = "VPN/翻墙推广"


def seed(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def spam(run: str, label: str = VPN) -> str:
    return f"疑似植入的广告文字“{run}”（{label}）"


def spans(findings: list[Finding]) -> list[tuple[int, int, str]]:
    return [(f.start, f.end, f.text) for f in findings]


# The injected runs of seed 000 as published. "shadowrocket" occurs 5 times, but two of the
# occurrences are interleaved into one glued run, so an editor sees 4 findings.
SEED_000_RUNS = [
    (458, 476, "shadowrocket节点都没有了"),
    (1911, 1930, "shadowrocketios共享账号"),
    (2445, 2463, "shadowrocket节点都没有了"),
    (3147, 3184, "shadowrocketioshadowrocket节点都没有了s共享账号"),
]


@pytest.mark.parametrize("name", [SEED_000, SEED_001])
def test_fixture_is_a_copy_of_the_shared_seed(name):
    if not (SHARED / name).exists():
        pytest.skip("no ../shared/seeds next to this checkout")
    assert (FIXTURES / name).read_bytes() == (SHARED / name).read_bytes()


def test_seed_000_every_injected_run_and_nothing_else():
    text = seed(SEED_000)
    findings = find_spam(text)
    assert findings == [Finding(s, e, t, spam(t)) for s, e, t in SEED_000_RUNS]
    assert all(text[f.start : f.end] == f.text for f in findings)
    assert text.count("shadowrocket") == 5
    assert sum(f.text.count("shadowrocket") for f in findings) == 5


def test_seed_000_injected_runs_sit_inside_official_sentences():
    text = seed(SEED_000)
    contexts = [text[s - 3 : e + 1] for s, e, _ in SEED_000_RUNS]
    assert contexts == [
        "相结合shadowrocket节点都没有了,",
        "进工作shadowrocketios共享账号。",
        "撑作用shadowrocket节点都没有了,",
        "估服务shadowrocketioshadowrocket节点都没有了s共享账号。",
    ]


def test_seed_000_without_the_spam_is_clean():
    text = seed(SEED_000)
    for _, _, run in sorted(SEED_000_RUNS, key=lambda r: -len(r[2])):
        text = text.replace(run, "")
    assert "shadowrocket" not in text
    assert "项目节点目标" in text  # "节点" alone is ordinary official Chinese
    assert find_spam(text) == []


def test_seed_001_with_its_page_and_footer_is_clean():
    text = seed(SEED_001)
    for official in ("EPC", "PPP", "PIB", "15万元/年", "aqdgzf@126.com", "dgjwxx@163.com",
                     "皖ICP备17015173号-1", "皖公网安备 34080202000367号", "0556-5502613"):
        assert official in text
    assert find_spam(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "督促建设单位如期完成施工节点目标",
        "严禁学生翻墙外出，消防梯子应定期检查",
        "党员干部不得出入棋牌室，依法打击开设赌场犯罪",
        "规范体育彩票、福利彩票销售管理",
        "通过政务外网VPN接入，使用Word文档和Excel表格报送",
        "已对中交上航局EPC项目和PPP项目开展复核，亩均税收不少于15万元/年",
        "2024年完成5G基站建设，110kV变电站投入使用，PM2.5浓度下降",
        "网址：http://www.ahdg.gov.cn/xwzx/index.html，备案系统beian.miit.gov.cn",
        "电子邮箱aqdgzf@126.com，联系电话0556-5502613",
        "\ufeff文件开头的字节顺序标记不算隐藏字符",
    ],
)
def test_ordinary_official_text_is_not_flagged(text):
    assert find_spam(text) == []


def test_gambling_run():
    text = "持续规范建筑市场秩序百家乐真人荷官，确保整改落实"
    assert find_spam(text) == [Finding(10, 17, "百家乐真人荷官", spam("百家乐真人荷官", "赌博推广"))]


def test_adult_terms_glued_together_are_one_finding():
    text = "加强网络管理约炮裸聊，营造清朗空间"
    assert find_spam(text) == [Finding(6, 10, "约炮裸聊", spam("约炮裸聊", "色情推广"))]


def test_run_mixing_categories_names_both():
    text = "工作shadowrocket百家乐。"
    expected = spam("shadowrocket百家乐", "VPN/翻墙推广、赌博推广")
    assert find_spam(text) == [Finding(2, 17, "shadowrocket百家乐", expected)]


def test_full_width_letters_are_recognised_with_original_offsets():
    text = "工作ｓｈａｄｏｗｒｏｃｋｅｔ节点都没有了。"
    assert spans(find_spam(text)) == [(2, 20, "ｓｈａｄｏｗｒｏｃｋｅｔ节点都没有了")]


def test_outside_links():
    text = "详见https://www.example.com/a?b=1。访问bet-888.net领取，官网www.ahdg.gov.cn"
    findings = find_spam(text)
    assert spans(findings) == [(2, 31, "https://www.example.com/a?b=1"), (34, 45, "bet-888.net")]
    assert findings[1].reason == (
        "外部网站链接“bet-888.net”：通报中不应出现政府网站（gov.cn）以外的地址，疑似植入的广告；如确需保留，请加入允许列表"
    )


def test_a_hong_kong_stock_code_is_no_address():
    # dev corpus o2896 (former test12, a false alarm when it was read): 00484.HK is how company news writes a Hong Kong
    # listing, not a site under .hk; in lower case, or with a path, it reads as an address again
    assert find_spam("云游控股(00484.HK)于2020年5月29日發布公告。") == []
    assert find_spam("腾讯控股（00700.HK）、友邦保险（1299.HK）发布业绩公告。") == []
    assert spans(find_spam("访问00700.hk领取")) == [(2, 10, "00700.hk")]
    assert spans(find_spam("登录 00700.HK/bet 注册")) == [(3, 15, "00700.HK/bet")]


def test_links_to_education_sites_are_outside_links_unless_allowed():
    # hacked university hosts are a common home of gambling pages: only the allow-list lets one through
    text = "详见https://xgxt.scau.edu.cn/lxxs和https://www.gov.cn/。"
    assert spans(find_spam(text)) == [(2, 31, "https://xgxt.scau.edu.cn/lxxs")]
    assert find_spam(text, ["xgxt.scau.edu.cn"]) == []
    text = "访问edu.cn.bet-888.net领取"
    assert spans(find_spam(text)) == [(2, 20, "edu.cn.bet-888.net")]


def test_spam_word_in_a_domain_is_one_finding():
    # "下载" (download) is ad phrasing: the run the editor deletes includes it
    assert spans(find_spam("下载shadowrocket.com")) == [(0, 18, "下载shadowrocket.com")]
    assert spans(find_spam("规范管理。下载shadowrocket.com")) == [(5, 23, "下载shadowrocket.com")]


def test_allowed_site_is_not_flagged():
    text = "详见https://www.example.org/report.html。"
    assert find_spam(text, allow=["example.org"]) == []
    assert spans(find_spam(text)) == [(2, 37, "https://www.example.org/report.html")]


def test_latin_word_glued_to_chinese_is_no_longer_an_error_by_itself():
    # Product names in Latin letters are ordinary in government reports (DeepSeek满血版, HarmonyOS): a glued
    # Latin word only adds to the score of a span; alone it is not reported.
    assert find_spam("加强管理telegram群组，规范EPC项目") == []
    assert find_spam("安徽省率先完成DeepSeek满血版本地化部署，华为Mate60系列重返市场") == []


def test_short_and_spaced_latin_is_not_glued_spam():
    assert find_spam("下载App办理，详见附件 report 一份") == []


def test_hidden_styles():
    text = '<span style="display:none">x</span><p style="font-size: 0px">y</p><i style="visibility:hidden">'
    findings = find_spam(text)
    assert spans(findings) == [(13, 25, "display:none"), (45, 59, "font-size: 0px"), (76, 93, "visibility:hidden")]
    assert findings[0].reason == "隐藏文字的样式“display:none”：读者看不见的内容常用于植入广告，请删除这段内容"
    assert find_spam('<p style="font-size:0.8em">') == []


def test_zero_width_characters():
    text = "整改\u200b\u200d落实\ufeff到位\u00ad。"
    findings = find_forbidden_characters(text)
    assert [(f.start, f.end, text[f.start:f.end]) for f in findings] == [
        (2, 4, "\u200b\u200d"), (6, 7, "\ufeff"), (9, 10, "\u00ad")]
    assert findings[0].reason == ("2个不可见字符 U+200B（零宽空格）、U+200D（零宽连字）："
                                  "常用于隐藏或拆散植入的广告文字，请删除")


def test_zero_width_characters_are_not_reported_here_but_cannot_split_a_word():
    assert find_spam("整改\u200b\u200d落实\ufeff到位\u00ad。") == []  # another check reports invisible characters
    text = "加强监督shadow\u200brocket节\u200d点都没有了,确保落实"
    assert spans(find_spam(text)) == [(4, 24, "shadow\u200brocket节\u200d点都没有了")]


def test_spaced_out_traditional_and_homoglyph_spam_is_recognised():
    text = "加强监督，百 家 樂 真 人 荷 官，确保落实。"
    assert spans(find_spam(text)) == [(5, 18, "百 家 樂 真 人 荷 官")]
    text = "加强监督，ѕhаdоwrосkеt节点，确保落实。"  # Cyrillic letters that look Latin
    assert spans(find_spam(text)) == [(5, 19, "ѕhаdоwrосkеt节点")]


def test_allow_list_lets_a_true_use_through():
    text = "科技馆开展制作小火箭模型科普活动"
    assert spans(find_spam(text)) == [(7, 10, "小火箭")]
    assert find_spam(text, allow=["制作小火箭模型"]) == []
    assert find_spam(text, allow=["制作小火箭模型"]) == []
    assert find_spam("使用Zoom会议系统") == []


def test_allowing_a_term_does_not_allow_a_longer_spam_run():
    assert spans(find_spam("工作shadowrocket小火箭。", allow=["小火箭"])) == [(2, 17, "shadowrocket小火箭")]


def test_site_wide_allow_list_from_the_data_file():
    assert find_spam("请使用Word文档和PowerPoint演示") == []


def test_findings_are_sorted_and_do_not_overlap():
    text = "全面落实整改责任，访问evil.com获取\u200b小火箭节点。区委巡察组反馈了巡察意见。" * 3
    findings = find_spam(text)
    assert len(find_forbidden_characters(text)) == 3  # the zero-width characters are reported by that check
    run = "访问evil.com获取\u200b小火箭节点"
    starts = [i for i in range(len(text)) if text.startswith(run, i)]
    assert spans(findings) == [(s, s + len(run), run) for s in starts] and len(starts) == 3
    assert all(a.end <= b.start for a, b in zip(findings, findings[1:]))
    assert all(text[f.start : f.end] == f.text for f in findings)


def test_official_words_glued_before_a_latin_ad_word_stay_outside_a_spam_sentence():
    # the whole sentence scores as spam; the official words before the glued-on ad word are not part of the run
    text = "整改工作shadowrocket节点都没有了。"
    assert find_spam(text) == [Finding(4, 22, "shadowrocket节点都没有了", spam("shadowrocket节点都没有了"))]


@pytest.mark.parametrize(
    "text,read,offsets",
    [
        ("百 家 乐", "百家乐", [0, 2, 4, 5]),
        ("博.彩", "博彩", [0, 2, 3]),
        ("百   家", "百家", [0, 4, 5]),
        ("百    家", "百    家", [0, 1, 2, 3, 4, 5, 6]),  # more than three spaces: kept
        ("下载 v p n 加速", "下载 vpn 加速", [0, 1, 2, 3, 5, 7, 8, 9, 10, 11]),
        ("a b c", "abc", [0, 2, 4, 5]),
        ("1. 整改落实", "1. 整改落实", [0, 1, 2, 3, 4, 5, 6, 7]),
        ("区委  2023年", "区委  2023年", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
        ("整改\u200b落实\u00a0到位", "整改落实到位", [0, 1, 3, 4, 6, 7, 8]),
        ("发(fā)票", "发票", [0, 5, 6]),
        ("&nbsp;百家&#x4e50;", " 百家乐", [0, 6, 7, 8, 16]),
        ("<b>博</b>彩", "博彩", [3, 8, 9]),
        ("𠀀 百 家😀乐", "𠀀 百家😀乐", [0, 1, 2, 4, 5, 6, 7]),  # beyond the BMP: kept, offsets still str indexes
    ],
)
def test_what_the_detector_reads_and_where_each_character_came_from(text, read, offsets):
    normalized = for_matching(text)
    assert normalized.text == read
    assert normalized.index.tolist() == offsets


def test_a_character_that_simplifies_to_one_beyond_the_bmp_is_read():
    # U+346E simplifies (OpenCC t2s) to U+2B748, beyond the Basic Multilingual Plane
    assert for_matching("\u346e").text == "\U0002b748"
    assert spans(find_spam("整改\u346e落实，shadowrocket节点都没有了。")) == [(6, 24, "shadowrocket节点都没有了")]


def test_a_character_beyond_the_bmp_does_not_shift_a_finding():
    text = "工作😀𠀀整改，shadowrocket节点都没有了。"
    assert spans(find_spam(text)) == [(7, 25, "shadowrocket节点都没有了")]


def test_a_sentence_around_an_ad_word_that_does_not_read_as_official_is_flagged_whole():
    # the term alone was the finding; the rest of its sentence is ad copy too (the model does not read it as
    # official prose), so deleting the term alone left spam that passes
    text = "全面加强作风建设。在当今网络时代，科学上网成为了一个热门话题，许多人希望访问被封锁的信息。"
    run = "在当今网络时代，科学上网成为了一个热门话题，许多人希望访问被封锁的信息。"
    assert find_spam(text) == [Finding(9, 45, run, spam(run))]
    # an official sentence around an injected term keeps its words (seed 000, and this one)
    text = "加强网络管理约炮裸聊，营造清朗空间"
    assert spans(find_spam(text)) == [(6, 10, "约炮裸聊")]


def test_a_gambling_sites_entry_word_after_its_name_is_evidence():
    # 手机版, app下载, 登录入口, 线路中心 … (hints of the gambling vocabulary): the site's name with its entry is an ad
    assert find_spam("金沙娱乐手机版") == [Finding(0, 7, "金沙娱乐手机版", spam("金沙娱乐手机版", "赌博推广"))]
    assert find_spam("警方捣毁“金沙娱乐”网络赌博平台，抓获犯罪嫌疑人12名。") == []  # the name named as a crime's target


@pytest.mark.xfail(strict=True, reason="since both models were retrained with test8 in dev (2026-12-03) the unquoted "
                   "name is flagged, from the 毁 of 捣毁 on (found in review); the thirteenth round's clause rule "
                   "mended it, and review found that rule letting injected ads through (see below): taken out")
def test_a_casinos_name_named_unquoted_as_a_crimes_target_stays_clean():
    assert find_spam("警方捣毁金沙娱乐赌博平台，抓获犯罪嫌疑人12名。") == []
    assert find_spam("市民可通过“皖事通”手机版或网页版办理，详见市政府官方网站。") == []


@pytest.mark.parametrize(
    "text",
    [
        "江苏淮安侦破“777真人娱乐场”网络赌博案，抓获犯罪嫌疑人两名。",
        "据警方调查，违法行为人陈某向他人购买“翻墙”软件“Shadowrocket”后下载至手机中。",
        "警方提醒：对“低息贷款、秒下款、无需征信”的短信要提高警惕，谨防诈骗。",
        "教育部部署严厉打击学位论文买卖、代写行为，已获学历证书、毕业证书要依法予以撤销。",
        "申请人可按要求填写政府信息公开申请表，每个申请表只申请一项政府信息。",
    ],
)
def test_official_prose_about_spam_that_quotes_the_ad_raises_nothing(text):
    # a frame word (犯罪, 嫌疑人, 警方, 违法, 打击, 依法 … in spam_terms.yml) lowers its sentence's score, and the
    # short quoted names and slogans of that sentence are read as allowed text
    assert find_spam(text) == []


@pytest.mark.parametrize("text,run", [
    ("要把学习教育与业务工作相结合百家乐官网依法监管,确保各项工作落实到位。", "百家乐官网"),
    ("各地要加强市场监管澳门博彩官网入口注册送体验金,确保安全。", "澳门博彩官网入口注册送体验金"),
])
def test_an_ad_injected_into_a_clause_holding_a_frame_word_is_still_flagged(text, run):
    # found in review of the thirteenth round: its rule (hints add nothing in a clause holding a frame word) let these
    # through, or cut them (澳门博 left in the text); 依法 and 监管 are everyday words of the official sentence around
    start = text.index(run)
    assert spans(find_spam(text)) == [(start, start + len(run), run)]


def test_a_runs_edge_does_not_cut_a_word_official_prose_holds_firmly():
    # the run's first character would be 何 of 任何 (official prose writes 任何 often, 何利 almost never): the edge
    # moves to where the official word ends, so the message does not cut 任何
    text = "博監局重申,對於任何利用澳門娛樂場幸運博彩活動而進行的行為,博監局絕不姑息。"
    assert spans(find_spam(text)) == [(10, 17, "利用澳門娛樂場")]
    # … and its last character would be 确 of 确保 (dev corpus s074): it goes back to the official sentence
    text = ("按照巡察整改工作要求，区住建局建立问题清单、任务清单、责任清单，"
            "百家樂:以智慧和運氣為基礎的經典博彩遊戲确保整改措施落实到位。")
    assert find_spam(text) == [Finding(32, 52, "百家樂:以智慧和運氣為基礎的經典博彩遊戲",
                                       spam("百家樂:以智慧和運氣為基礎的經典博彩遊戲", "赌博推广"))]
    # a vocabulary term's characters stay in the run though they pair with the official word after it (城市)
    assert spans(find_spam("按照要求，各单位九牛娱乐城市民中心")) == [(8, 13, "九牛娱乐城")]


def test_a_quoted_ad_without_a_frame_word_is_still_flagged():
    assert spans(find_spam("陈某向他人购买“翻墙”软件“Shadowrocket”后下载至手机中。")) == [(14, 26, "Shadowrocket")]
    text = "欢迎光临“777真人娱乐场”，注册送彩金。"
    assert find_spam(text) == [Finding(0, 21, text, spam(text, "赌博推广"))]


GAMBLING = "赌博推广"


def test_a_gambling_sites_code_in_place_of_a_units_name_is_flagged():
    # casino pages put "brand + code + site word" where copied news names a school or a unit
    text = "3月11日，永利23411集团召开会议，专题动员部署树立和践行正确政绩观学习教育。"
    assert find_spam(text) == [Finding(6, 15, "永利23411集团", spam("永利23411集团", GAMBLING))]
    text = "会上，太阳集团1088vip官网党委书记作了讲话。"
    assert find_spam(text) == [Finding(3, 16, "太阳集团1088vip官网", spam("太阳集团1088vip官网", GAMBLING))]
    # the whole name, grown over the site words and the code glued to it: deleting it leaves clean text
    text = "6月9日下午，bat365在线登录入口网页版三届一次全体教职工大会在北A210室召开。"
    assert spans(find_spam(text)) == [(7, 22, "bat365在线登录入口网页版")]
    assert find_spam(text[:7] + text[22:]) == []


def test_numbers_next_to_site_words_in_official_text_are_not_a_sites_code():
    # a quantity, a year, a public service number, a room, a product name
    for text in ("打掉涉赌平台5100余个、非法技术团队2个。", "可拨打12345平台热线，或登录2024年体育工作专题网站。",
                 "华为Mate60手机在24217会议室展示，110平台接警。", "2023体育彩票公益金使用情况公告。"):
        assert find_spam(text) == [], text


def test_a_clause_with_two_hint_words_that_reads_as_an_ad_is_flagged_with_its_sentence_end():
    text = "区住建局建立问题清单、任务清单、责任清单，审核宽松、下款快的网贷。确保整改措施落实到位。"
    run = "审核宽松、下款快的网贷。"
    assert find_spam(text) == [Finding(21, 33, run, spam(run, "贷款推广"))]
    assert find_spam(text[:21] + text[33:]) == []
    # one hint word of the category is no evidence by itself
    assert find_spam("区住建局建立问题清单、任务清单、责任清单，审核宽松的网贷。确保整改措施落实到位。") == []


def test_a_long_number_is_no_evidence_of_spam():
    # a phone and an ID number: their digits no longer add up to a paragraph that reads as an ad
    assert find_spam("联系人电话13912345678，身份证11010519491231002X") == []
    # a messaging account in ad phrasing is still read
    assert find_spam("加微信13912345678领取彩金，注册送888元") != []


def test_a_gambling_sites_name_without_a_code_at_the_start_of_a_clause_is_flagged():
    # 2 to 5 characters that do not read as official prose, then a word only a site calls itself
    text = "6月17日上午，开云(中国)召开“双高建设”推进会。"
    assert find_spam(text) == [Finding(8, 14, "开云(中国)", spam("开云(中国)", GAMBLING))]
    text = "10月12日下午，美高梅官方娱乐平台召开党委理论学习中心组学习会。"
    assert spans(find_spam(text)) == [(9, 18, "美高梅官方娱乐平台")]
    assert find_spam(text[:9] + text[18:]) == []
    # an official unit's site, named in an official sentence, is no such name
    assert find_spam("可登录市政府官网查询，或关注某企业官网公告。市体育局官网发布通知，区政务服务网页版上线。") == []


def test_a_site_word_that_official_names_end_with_needs_a_name_that_reads_less_official():
    text = "会后，澳门新莆京游戏大厅高度重视，召开党委会。"
    # the brand's whole name (游戏大厅 too, since the model learnt the ninth collection): deleting it leaves clean text
    assert find_spam(text) == [Finding(3, 12, "澳门新莆京游戏大厅", spam("澳门新莆京游戏大厅", GAMBLING))]
    assert find_spam(text[:3] + text[12:]) == []
    assert find_spam("加强网络游戏管理，开展益智游戏活动。") == []


def test_a_casino_brand_with_a_code_in_a_units_place_is_flagged():
    """A brand glued to a Latin handle or a digit run where news names the unit (collection 8 of the corpus), with
    no site word: the name alone is reported, and deleting it leaves the sentence without it."""
    text = "2021年5月27日,威廉希尔williamhill中文教工一支部全体党员召开了主题党日活动。"
    assert spans(find_spam(text)) == [(11, 28, "威廉希尔williamhill中文")]
    text = "1月20日,冬日暖阳照射大地,9778818威尼斯学子迎来了本学期的期末考试。"
    [finding] = find_spam(text)
    assert (finding.text, finding.reason) == ("9778818威尼斯", "疑似植入的广告文字“9778818威尼斯”（赌博推广）")
    # official names with Latin letters and digits, numbers and contacts stay clean
    for official in ("2月12日,济南市市中区宣布接入DeepSeek,华为Mate60手机召开发布会。",
                     "联系人电话13912345678，身份证11010519491231002X", "截至2025年底,中国5G基站总数达483.8万个",
                     "MQTT协议 MQTT(Message Queuing Telemetry Transport)是IBM开发的协议。"):
        assert find_spam(official) == [], official


def test_a_sites_name_on_its_own_line_is_flagged_without_the_next_line():
    # a dev run (s463) on its own line, before a dev official paragraph (o1908): deleting what the message quotes
    # leaves the official line whole (the name's run used to take the next line's first words with it)
    name = "云开集团(中国)有限公司官网"
    official = ("注意事项:1、会议直播服务申请业务集中在:周一至周五正常上班时间,节假日及寒暑假除外; "
                "2、咨询电话:88495655。")
    text = f"{name}\n{official}"
    assert find_spam(text) == [Finding(0, len(name), name, spam(name, "赌博推广"))]
    assert find_spam(text.replace(name + "\n", "")) == []


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def test_a_name_in_a_units_place_that_both_models_read_as_spam_is_flagged_whole():
    """A casino's name where copied news names the unit, with no code glued to a site word and no vocabulary word
    (dev corpus s338, s586, each with its context): both models read it as spam, so the name alone is reported, on
    its line and column, and deleting it leaves the sentence without it."""
    page = ("2016年11月28日下午,伟德国际1916备用网址第一屆工會會員大會在芝綸館308會議室隆重召開,"
            "會議的主要任務是選舉産生學院第一屆工會委員會委員。\n"
            "(本网讯)6月18日,中国体育竞猜网召开校庆筹备工作推进会。校党委书记刘卫国、校长姚尧")
    found = find_spam(page)
    assert [(line_and_column(page, f.start), f.reason) for f in found] == [
        ((1, 15), "疑似植入的广告文字“伟德国际1916备用网址”（赌博推广）"),
        ((2, 12), "疑似植入的广告文字“中国体育竞猜网”（赌博推广）"),
    ]
    assert spans(found) == [(14, 26, "伟德国际1916备用网址"), (87, 94, "中国体育竞猜网")]
    for f in reversed(found):
        page = page[: f.start] + page[f.end :]
    assert find_spam(page) == []


def test_a_name_in_a_units_place_is_flagged_whole_past_a_follower_inside_it_and_after_a_leading_code():
    """Dev corpus s253 and s320 with their context: a casino's name where copied news names the college. The name
    holds a word that also follows a unit's name (``于`` of ``源于``), so the rule's shortest stretch used to end
    there and leave ``于英国`` in the text; and a name that opens with its code (``16877``) was not read at all,
    because the code's first digit alone reads as official. The stretch with the most evidence is the name."""
    first = ("7月20日下午,伟德国际1946源于英国在文博楼多功能会议室召开了学院行政领导班子换届工作动员会,"
             "学院行政领导班子全体成员以全院教职工参加了本次动员会。")
    assert find_spam(first) == [Finding(8, 20, "伟德国际1946源于英国", spam("伟德国际1946源于英国", GAMBLING))]
    second = "6月6日下午,16877太阳集团于随园举行2014届毕业生毕业典礼。浙江大学宁波理工学院副院长杨建刚、"
    assert find_spam(second) == [Finding(7, 16, "16877太阳集团", spam("16877太阳集团", GAMBLING))]
    for text, found in ((first, find_spam(first)), (second, find_spam(second))):
        assert find_spam(text[: found[0].start] + text[found[0].end :]) == []


def test_a_name_right_after_a_date_of_news_needs_less_of_the_character_model():
    """Dev corpus s692 with its context: after a date of news (``2023年5月10日下午,``) the sentence's subject is the
    unit that held the event, and a casino's name there is flagged when both models read it as spam and the character
    model does not read it as official prose; the same name after another clause's start needs more of the character
    model, and the unit's own name after the date stays clean."""
    before = "实验实训室是实践教学的重要场所,实验实训室安全是一切实验实训工作正常进行的基本保证。2023年5月10日下午,"
    text = before + "betway体育在博B410会议室召开关于实验实训安全检查动员会。"
    start = len(before)
    assert find_spam(text) == [Finding(start, start + 8, "betway体育", spam("betway体育", GAMBLING))]
    assert find_spam(text[:start] + text[start + 8 :]) == []
    assert find_spam(text.replace("2023年5月10日下午,", "会议结束后,")) == []
    assert find_spam(text.replace("betway体育", "信息学院")) == []


def test_a_latin_brands_chinese_office_after_a_date_of_news_stays_clean():
    """Companies' own names where a unit's stands after a date of news, which the character model reads as neither
    official nor spam: not flagged (found in review: with the character model at 0 after a date they were)."""
    for name in ("Nike中国", "adidas中国", "Intel中国", "vivo中国", "Nike体育用品公司", "CCTV体育频道",
                 "Decathlon迪卡侬体育"):
        for date in ("6月6日下午，", "11月2日下午，", "6月6日下午2:30，"):
            assert find_spam(f"{date}{name}召开发布会，介绍新产品。") == [], (date, name)


@pytest.mark.xfail(strict=True, reason="since both models were retrained with test8 in dev (2026-12-03), the name in "
                   "a breadcrumb (dev corpus s561) falls under the rule's thresholds; alone it is still flagged")
def test_a_name_in_a_breadcrumbs_place_is_flagged_whole():
    page = "当前位置: 首页 > 8590am海洋之神 > 科研动态 > 正文"
    assert find_spam(page) == [Finding(11, 21, "8590am海洋之神", spam("8590am海洋之神", GAMBLING))]


def test_a_units_own_name_in_that_place_stays_clean():
    # dev corpus o1006: the unit's real name where the rule looks, followed by one of unit_followers (在)
    text = ("淮师新闻网9月9日电(记者 寇霖煊)9月9日下午,在第40个教师节来临之际,"
            "美术学院在西辅楼会议室举办教师节庆祝活动。活动由党委书记杜先伟主持,全体教职工参加。")
    assert find_spam(text) == []
    # the same paragraph with a casino's name (dev corpus s384) in the unit's place
    injected = text.replace("美术学院", "澳门太阳集团")
    assert find_spam(injected) == [Finding(38, 44, "澳门太阳集团", spam("澳门太阳集团", GAMBLING))]


@pytest.mark.parametrize("title", ["关于严禁“六合彩”“特马”等非法赌博活动的通告",
                                   "关于开展“天天彩排”迎国庆文艺汇演活动的通知",
                                   "关于严厉打击“特马”私彩赌博活动的通告"])
def test_an_official_notices_title_about_lottery_crime_stays_clean(title):
    # found in review of the thirteenth round, whose rule took a title line holding a term whole unless it held a
    # frame word (严禁, 取缔 were none); the rule and the terms 特马, 天天彩, 今晚开奖 are gone
    assert find_spam(title) == []


def test_two_runs_with_only_a_comma_between_them_are_one_finding():
    # dev corpus s994: a site's name written twice in a unit's place; deleting the one finding leaves the sentence
    text = "本次活动由雅布赖镇政府主办,乐动手机版,乐动手机版(中国)协办,活动将持续到10月中旬,"
    run = "乐动手机版,乐动手机版(中国)"
    assert find_spam(text) == [Finding(14, 29, run, spam(run, GAMBLING))]


def test_the_lottery_sites_words_are_terms():
    assert find_spam("一肖一码") == [Finding(0, 4, "一肖一码", spam("一肖一码", GAMBLING))]
    # review of the thirteenth round: 特马, 天天彩 and 今晚开奖 alone are in everyday words and lawful lottery news
    for text in ("为确保国庆文艺晚会圆满成功，全体演职人员放弃休息，天天彩排，精心打磨每一个节目。",
                 "那达慕大会上，牧民们展示了独特马术技艺，充分展现了草原独特马文化。",
                 "美国驻华大使罗伯特·马丁一行来我市考察。",
                 "第2024120期双色球今晚开奖，省福彩中心提醒购彩者理性购彩。"):
        assert find_spam(text) == [], text


def test_a_hint_opening_its_clause_keeps_its_weight_beside_a_frame_word():
    # 公安 (a frame word) later in the clause is the invited unit, not prose about the casino whose name stands in the
    # subject's place (dev corpus s954): the hint 澳门 opening the clause still counts
    for name in ("澳门新葡京", "澳门金沙城"):
        text = (f"为提升学生的安全意识,自觉遵守校园安全管理规定,{name}"
                "邀请公安处杜春兴老师为学院师生开展了安全教育专题讲座。")
        assert find_spam(text) == [Finding(24, 29, name, spam(name, GAMBLING))], name
