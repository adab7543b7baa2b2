"""Writes the extraction corpus: realistic web pages in the shapes real news
sites use, each with the text a reader would call the article
(`<name>.expected.txt`: title, byline, date, headings, paragraphs, quotes, list
items, captions; one block per line). The stories are invented for this
project. Run: python3 tests/data/corpus/make_corpus.py"""

import html
import pathlib

HERE = pathlib.Path(__file__).resolve().parent

RAIL = {
    "title": "Valley rail line reopens after eight months of bridge repairs",
    "byline": "Tomas Lindgren",
    "date": ("2026-09-03", "3 September 2026"),
    "blocks": [
        ("p", "Trains returned to the Holm valley line on Wednesday morning, ending an eight-month closure that forced commuters onto replacement buses and added up to forty minutes to a journey into the city."),
        ("p", "The operator said the first service, the 6:12 from Norrby, left on time with 214 passengers on board, about twice the number that used the early bus during the closure."),
        ("blockquote", "\u201cPeople have been patient, and they deserve a railway that simply works,\u201d said Karin Ek, the operator's regional director."),
        ("h2", "What the repairs cost"),
        ("p", "Engineers replaced two steel spans of the Aska river bridge, which inspectors had found corroded in January. The work cost 31 million kronor, according to figures published by the regional transport authority, slightly more than the 28 million first budgeted."),
        ("p", "Not all passengers are satisfied. Commuter groups say the timetable still has fewer trains at midday than before the closure, and that two stations remain without step-free access."),
        ("ul", ["Peak trains every 15 minutes", "Midday trains every 30 minutes", "Last train from the city at 23:40"]),
        ("p", "The authority said it would review the midday timetable in December, after counting passengers for three months."),
    ],
    "caption": "The repaired Aska river bridge seen from the east bank.",
}

LIBRARY = {
    "title": "City library to open on Sundays from next month",
    "byline": "Amara Osei",
    "date": ("2026-10-12", "12 October 2026"),
    "blocks": [
        ("p", "The central library will open on Sundays from 1 November, the city council announced, after a petition signed by more than 6,000 residents asked for weekend hours that suit working families."),
        ("p", "Opening on Sundays will cost about 180,000 euros a year in staff time, according to the council's culture department, which says the money comes from savings on energy after the building's roof was insulated."),
        ("blockquote", "\u201cA library that is closed when people are free is a library in name only,\u201d said Lena Novak, who organised the petition."),
        ("p", "Library staff unions said they had agreed to the new hours on condition that Sunday shifts remain voluntary and are paid at a higher rate."),
        ("h2", "New hours"),
        ("ul", ["Monday to Friday: 9:00 to 20:00", "Saturday: 10:00 to 18:00", "Sunday: 12:00 to 17:00"]),
        ("p", "The council will report on visitor numbers in the spring and decide then whether to extend Sunday opening to the four branch libraries."),
    ],
    "caption": "Readers in the central library's main hall.",
}

HOSPITAL = {
    "title": "Hospital waiting times fall for the third month in a row",
    "byline": "Dr. Felix Brandt",
    "date": ("2026-06-20", "20 June 2026"),
    "blocks": [
        ("p", "Patients at St. Marien hospital waited an average of 47 days for planned surgery in May, down from 61 days in February, according to data released by the regional health board on Friday."),
        ("p", "The board credits a new evening operating list and the reopening of a ward that had been closed for lack of nurses. Critics say the figures hide long waits in orthopaedics, where some patients still wait more than five months."),
        ("blockquote", "\u201cThe trend is real, but one good quarter is not a cure,\u201d said Maria Costa, who chairs the patients' association."),
        ("h2", "Where the waits are longest"),
        ("ul", ["Orthopaedics: 152 days", "Ophthalmology: 88 days", "General surgery: 39 days"]),
        ("p", "The health board said it would publish figures for each department every month from July, a change that campaigners have demanded for years."),
    ],
    "caption": "The new day-surgery unit opened in March.",
}

PARK = {
    "title": "В Заречье открылся новый городской парк",
    "byline": "Ирина Соколова",
    "date": ("2026-05-16", "16 мая 2026"),
    "blocks": [
        ("p", "В субботу в районе Заречье открылся парк площадью восемь гектаров, построенный на месте бывшего склада. По данным городской администрации, на работы потратили 412 миллионов рублей."),
        ("p", "В парке высадили более двух тысяч деревьев, построили детскую площадку и велосипедную дорожку вдоль реки."),
        ("blockquote", "«Раньше здесь был забор и пустырь, теперь сюда можно прийти с детьми», — сказала жительница района Ольга Петрова."),
        ("p", "Жители жалуются, что в парке пока мало скамеек и нет общественного туалета. В администрации обещали исправить это до конца лета."),
    ],
    "caption": "Велосипедная дорожка вдоль реки.",
}


def esc(s):
    return html.escape(s, quote=False)


def body_html(story, p_class="", with_caption=True):
    out = []
    for kind, content in story["blocks"]:
        if kind == "ul":
            out.append("<ul>" + "".join(f"<li>{esc(i)}</li>" for i in content) + "</ul>")
        elif kind == "blockquote":
            out.append(f"<blockquote><p>{esc(content)}</p></blockquote>")
        else:
            cls = f' class="{p_class}"' if p_class and kind == "p" else ""
            out.append(f"<{kind}{cls}>{esc(content)}</{kind}>")
    if with_caption:
        out.insert(2, f'<figure><img src="https://images.example.invalid/photo.jpg" alt=""><figcaption>{esc(story["caption"])}</figcaption></figure>')
    return "\n".join(out)


def expected(story, with_caption=True, with_date=True):
    lines = [story["title"], story["byline"]]
    if with_date:
        lines.append(story["date"][1])
    blocks = []
    for kind, content in story["blocks"]:
        blocks.extend(content if kind == "ul" else [content])
    if with_caption:
        blocks.insert(2, story["caption"])
    return "\n".join(lines + blocks) + "\n"


def head(title, extra=""):
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{esc(title)} | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<link rel="canonical" href="https://news.example.invalid/story">
<link rel="stylesheet" href="https://cdn.example.invalid/site.css">
<script src="https://cdn.example.invalid/analytics.js"></script>
{extra}</head>"""


NAV = """<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li><li><a href="/culture">Culture</a></li></ul></nav>"""
FOOTER = """<footer><p>© 2026 The Daily Example. All rights reserved.</p><p><a href="/about">About us</a> · <a href="/privacy">Privacy</a> · <a href="/contact">Contact</a></p></footer>"""
SHARE = """<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>"""
RELATED = """<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Bus fares to rise in January</a></li><li><a href="/b">New cycle lanes planned for the centre</a></li><li><a href="/c">Airport expansion vote delayed again, council says</a></li></ul></aside>"""
SUBSCRIBE = """<div class="subscribe-box"><p>Get the morning briefing: subscribe to our newsletter and never miss a story.</p><form><input type="email" placeholder="Your email"><button>Sign up</button></form></div>"""
CTRL_ENTER = """<p class="typo-notice">Found a mistake? Select the text and press Ctrl+Enter.</p>"""
COOKIE = """<div id="cookie-consent" class="cookie-banner"><p>We use cookies to improve your experience. By continuing you accept our cookie policy.</p><button>Accept</button></div>"""


def byline_html(story):
    iso, shown = story["date"]
    return f'<p class="byline">{esc(story["byline"])}</p><p class="dateline"><time datetime="{iso}">{esc(shown)}</time></p>'


def page_semantic():
    s = RAIL
    return head(s["title"]) + f"""<body>
<header class="site-header"><a class="logo" href="/">The Daily Example</a>{NAV}</header>
<main>
<article>
<header><h1>{esc(s["title"])}</h1>{byline_html(s)}</header>
{SHARE}
{body_html(s)}
{CTRL_ENTER}
</article>
{RELATED}
</main>
{FOOTER}
</body></html>""", expected(s)


def page_main_cookie():
    s = LIBRARY
    return head(s["title"]) + f"""<body>
{COOKIE}
<div class="top">{NAV}</div>
<main id="content">
<h1>{esc(s["title"])}</h1>
{byline_html(s)}
{body_html(s)}
{SUBSCRIBE}
</main>
{FOOTER}
</body></html>""", expected(s)


def page_div_soup():
    s = HOSPITAL
    return head(s["title"]) + f"""<body>
<div id="wrapper"><div class="hdr"><div class="logo">The Daily Example</div><div class="menu">{NAV}</div></div>
<div class="container"><div class="row">
<div class="col-8 content-wrap"><div class="story-headline"><h1>{esc(s["title"])}</h1></div>
<div class="story-meta">{byline_html(s)}</div>
<div class="story-body">{body_html(s)}</div>
<div class="tags"><a href="/t/health">Health</a> <a href="/t/hospitals">Hospitals</a></div>
{SHARE}
</div>
<div class="col-4 sidebar"><div class="widget"><h3>Most read</h3><ol><li><a href="#">Heatwave warning issued for the weekend</a></li><li><a href="#">Council approves new housing scheme</a></li></ol></div><div class="widget ad-slot"><p>Advertisement</p></div></div>
</div></div>
<div id="footer">{FOOTER}</div></div>
</body></html>""", expected(s)


def page_live_blog():
    entries = [
        ("09:02", "Polls open across the region", "Polling stations opened at nine, and officials reported short queues in most towns, with longer waits in the university district."),
        ("10:45", "Turnout higher than in 2022", "By half past ten, turnout stood at 18 percent, three points higher than at the same time four years ago, according to the electoral office."),
        ("12:30", "Candidates cast their votes", "Both leading candidates voted before noon. \u201cI feel calm, and I trust the voters,\u201d said Ingrid Berg after leaving her polling station in Almvik."),
        ("15:10", "Rain expected in the afternoon", "Forecasters expect heavy rain after four, which organisers fear could keep older voters at home, although postal votes reached a record this year."),
    ]
    title = "Regional election day: live updates"
    blocks = []
    for t, h, p in entries:
        blocks += [f'<div class="live-entry"><p class="entry-time"><time datetime="2026-04-12T{t}">{t}</time></p><h3>{esc(h)}</h3><p>{esc(p)}</p></div>']
    page = head(title) + f"""<body>{NAV}
<main><h1>{esc(title)}</h1><p class="byline">Live team</p>
<div class="live-blog">{''.join(reversed(blocks))}</div>
{SUBSCRIBE}</main>{FOOTER}</body></html>"""
    exp = [title, "Live team"]
    for t, h, p in reversed(entries):
        exp += [t, h, p]
    return page, "\n".join(exp) + "\n"


def page_comments():
    s = RAIL
    comments = "".join(
        f'<li class="comment"><p class="comment-author">Reader{i}</p><p class="comment-text">I have taken this train for years, and honestly, the replacement buses were slower, colder and always late, but at least the drivers were friendly and patient with everyone, comment number {i}.</p><p><a href="#">Reply</a> · <a href="#">Report</a></p></li>'
        for i in range(15)
    )
    return head(s["title"]) + f"""<body>{NAV}
<article class="post"><h1>{esc(s["title"])}</h1>{byline_html(s)}
<div class="post-body">{body_html(s)}</div></article>
<section id="comments" class="comments-area"><h2>Comments (15)</h2>
<p class="comment-policy">Comments are moderated. Please read our comment policy before posting, and be kind to other readers.</p>
<ol class="comment-list">{comments}</ol></section>
{FOOTER}</body></html>""", expected(s)


def page_calendar_subscribe():
    s = LIBRARY
    calendar = """<table class="event-calendar"><caption>Events this week</caption><tr><th>Mon</th><th>Tue</th><th>Wed</th></tr><tr><td>Story hour</td><td>Chess club</td><td>Film night</td></tr></table>"""
    parts = body_html(s).split("\n")
    parts.insert(3, calendar)
    parts.insert(6, SUBSCRIBE)
    parts.insert(8, """<div class="promo-box"><p>Read more: our guide to the city's best reading rooms, updated for 2026.</p></div>""")
    return head(s["title"]) + f"""<body>{NAV}
<div class="article-page"><h1>{esc(s["title"])}</h1>{byline_html(s)}
<div class="article-text">{''.join(parts)}</div></div>{FOOTER}</body></html>""", expected(s)


def page_amp():
    s = HOSPITAL
    body = body_html(s, with_caption=False).replace("<img", "<amp-img")
    return f"""<!doctype html><html amp lang="en"><head><meta charset="utf-8">
<title>{esc(s["title"])}</title><link rel="canonical" href="https://news.example.invalid/hospital">
<script async src="https://cdn.ampproject.invalid/v0.js"></script>
<style amp-custom>body {{ font-family: serif; }}</style>
<meta name="author" content="{esc(s["byline"])}"><meta property="article:published_time" content="{s["date"][0]}">
</head><body>
<amp-sidebar id="sidebar" layout="nodisplay"><ul><li><a href="/">Home</a></li><li><a href="/health">Health</a></li></ul></amp-sidebar>
<header class="amp-header"><button on="tap:sidebar.toggle">Menu</button></header>
<article class="amp-article"><h1>{esc(s["title"])}</h1>
<amp-img src="https://images.example.invalid/h.jpg" width="600" height="400" layout="responsive" alt="The new day-surgery unit"></amp-img>
<div class="amp-article-body">{body}</div>
<amp-ad width="300" height="250" type="example"><div placeholder>Advertisement</div></amp-ad>
</article>
<amp-analytics><script type="application/json">{{"vars": {{"account": "X"}}}}</script></amp-analytics>
</body></html>""", "\n".join([s["title"], s["byline"], s["date"][0], "[Image: The new day-surgery unit]"]
                             + [b for k, c in s["blocks"] for b in (c if k == "ul" else [c])]) + "\n"


def page_translated():
    s = LIBRARY
    def odd(text):
        # Machine-translation markup: <font> wrappers, no-break spaces, zero-width spaces.
        words = text.split(" ")
        return "".join(f'<font style="vertical-align: inherit;">{esc(w)}</font>' + ("\u00a0" if i % 3 == 0 else " \u200b") for i, w in enumerate(words)).strip()
    blocks = []
    for kind, content in s["blocks"]:
        if kind == "ul":
            blocks.append("<ul>" + "".join(f"<li>{odd(i)}</li>" for i in content) + "</ul>")
        elif kind == "blockquote":
            blocks.append(f"<blockquote><p>{odd(content)}</p></blockquote>")
        else:
            blocks.append(f"<{kind}>\n   {odd(content)}\n</{kind}>")
    return head(s["title"], '<meta name="google" content="notranslate">') + f"""<body>
<div id="goog-gt-tt" class="skiptranslate"><div class="top">Original text</div></div>
{NAV}<main><article><h1>{odd(s["title"])}</h1>{byline_html(s)}
{''.join(blocks)}</article></main>{FOOTER}</body></html>""", expected(s, with_caption=False)


def page_cp1251():
    s = PARK
    text = f"""<!DOCTYPE html><html lang="ru"><head><meta charset="windows-1251"><title>{esc(s["title"])} — Городские новости</title></head>
<body><div class="menu"><a href="/">Главная</a> | <a href="/city">Город</a> | <a href="/sport">Спорт</a></div>
<div class="content"><h1>{esc(s["title"])}</h1>{byline_html(s)}
{body_html(s)}
<p class="typo">Нашли опечатку? Выделите текст и нажмите Ctrl+Enter.</p></div>
<div class="footer">© 2026 Городские новости. Все права защищены.</div></body></html>"""
    return text.encode("cp1251"), expected(s)


def page_table_layout():
    s = RAIL
    return head(s["title"]) + f"""<body><table width="100%"><tr><td colspan="2" class="masthead">The Daily Example — since 1998</td></tr>
<tr><td class="leftnav" width="150"><a href="/">Home</a><br><a href="/news">News</a><br><a href="/weather">Weather</a></td>
<td class="maintext"><h1>{esc(s["title"])}</h1>{byline_html(s)}{body_html(s)}</td></tr>
<tr><td colspan="2" class="footer">Copyright 2026 The Daily Example</td></tr></table></body></html>""", expected(s)


def page_related_inside():
    s = HOSPITAL
    return head(s["title"]) + f"""<body>{NAV}
<article><h1>{esc(s["title"])}</h1>{byline_html(s)}{SHARE}
{body_html(s)}
<div class="related-articles"><h4>Read next</h4><ul><li><a href="#">Nurses vote on new pay offer</a></li><li><a href="#">How to check your place on a waiting list</a></li></ul></div>
<ul class="article-tags"><li><a href="#">health</a></li><li><a href="#">hospitals</a></li></ul>
{SHARE}</article>{FOOTER}</body></html>""", expected(s)


def page_jsonld():
    s = PARK
    return f"""<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>{esc(s["title"])}</title>
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{s["title"]}"}}</script>
<meta name="author" content="{esc(s["byline"])}"></head><body>
<noscript><img src="https://pixel.example.invalid/p.gif" alt="tracking"></noscript>
<header><svg viewBox="0 0 10 10"><title>logo</title><circle r="5"></circle></svg><span>Городские новости</span></header>
<article itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">{esc(s["title"])}</h1>
<p class="byline" itemprop="author">{esc(s["byline"])}</p><p class="dateline"><time itemprop="datePublished" datetime="{s["date"][0]}">{esc(s["date"][1])}</time></p>
<div itemprop="articleBody">{body_html(s)}</div></article>
<div class="social"><a href="#">ВКонтакте</a> <a href="#">Telegram</a></div></body></html>""", expected(s)


PAGES = {
    "01-semantic-article": page_semantic,
    "02-main-cookie-banner": page_main_cookie,
    "03-div-soup": page_div_soup,
    "04-live-blog": page_live_blog,
    "05-long-comments": page_comments,
    "06-calendar-subscribe": page_calendar_subscribe,
    "07-amp": page_amp,
    "08-translated-whitespace": page_translated,
    "09-windows-1251": page_cp1251,
    "10-table-layout": page_table_layout,
    "11-related-inside-article": page_related_inside,
    "12-json-ld-itemprop": page_jsonld,
}

if __name__ == "__main__":
    for name, make in PAGES.items():
        page, text = make()
        data = page if isinstance(page, bytes) else page.encode("utf-8")
        (HERE / f"{name}.html").write_bytes(data)
        (HERE / f"{name}.expected.txt").write_text(text, encoding="utf-8")
    print(f"wrote {len(PAGES)} pages to {HERE}")
