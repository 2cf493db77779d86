"""Regenerate 06-calvera-business-review-strike.warc.gz (invented example data).

The archive holds a warcinfo record and one HTTP response record with an HTML news page.
The page deliberately carries no publication-date metadata, so the only date a reader can
know is the crawl date (WARC-Date). Record ids and dates are fixed so the output is
reproducible byte for byte.

    python examples/make_warc.py            # needs warcio
"""

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
OUT = HERE / "articles" / "06-calvera-business-review-strike.warc.gz"

URL = "https://calverabusiness.example/transport/ambrose-rail-workers-back-strike"
CRAWL_DATE = "2025-07-02T09:12:44Z"
HTTP_DATE = "Wed, 02 Jul 2025 09:12:44 GMT"

HTML = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Ambrose Rail workers back strike over Kestrel takeover - Calvera Business Review</title>
  <meta property="og:site_name" content="Calvera Business Review">
  <meta property="og:title" content="Ambrose Rail workers back strike over Kestrel takeover">
  <meta name="author" content="Nadia Quist">
  <link rel="canonical" href="https://calverabusiness.example/transport/ambrose-rail-workers-back-strike">
</head>
<body>
  <div class="topbar">
    <a href="/">Calvera Business Review</a>
    <ul class="menu">
      <li><a href="/markets/">Markets</a></li>
      <li><a href="/transport/">Transport</a></li>
      <li><a href="/energy/">Energy</a></li>
      <li><a href="/policy/">Policy</a></li>
      <li><a href="/login">Sign in</a></li>
    </ul>
  </div>
  <div id="content">
    <article>
      <h1>Ambrose Rail workers back strike over Kestrel takeover</h1>
      <div class="author">Nadia Quist, Transport Correspondent</div>
      <p>TERAVO - Rail workers at Ambrose Rail have voted overwhelmingly to strike in protest at Kestrel Freight Group's $4.2bn takeover bid, their union said yesterday, raising the prospect of the first national freight stoppage in Calvera in more than a decade.</p>
      <p>Of the 5,100 members of the Calveran Rail Workers' Union who took part in the ballot, 81% voted in favour of walkouts, the union said. Turnout was 74%.</p>
      <p>"Our members have sent a message that cannot be misread," general secretary Joss Amberley said outside the union's headquarters in Teravo. "Nobody is going to load this company with debt and then hand the bill to the people who keep the trains running."</p>
      <p>Amberley said that a first 48-hour stoppage could begin as early as next week unless Kestrel gave written guarantees on jobs and pensions.</p>
      <p>Kestrel Freight said in a statement that it had "no plans for compulsory redundancies" and that it was ready to meet union leaders. Chief executive Henrike Valdaster told an industry conference in Veldmark City on Monday that the takeover would bring "investment, not cuts" to the Calveran network.</p>
      <p>The strike threat comes as the Calveran Competition Commission examines the deal. Transport Minister Rafael Insunde said that the government was watching closely and urged both sides to keep talking. Calvera relies on Ambrose lines to carry most of its grain exports to the coast, according to the transport ministry.</p>
      <p>Shares in Ambrose Rail fell 2.3% in Teravo trading.</p>
    </article>
    <div class="newsletter">Get the Morning Freight briefing in your inbox. <a href="/newsletters">Sign up</a></div>
  </div>
  <footer>
    <a href="/about">About</a> &middot; <a href="/advertise">Advertise</a> &middot;
    <a href="/privacy">Privacy</a> &middot; <a href="/terms">Terms</a>
    <p>Calvera Business Review is published by CBR Media Group. All rights reserved.</p>
  </footer>
</body>
</html>
"""


def main() -> None:
    with OUT.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)

        info = writer.create_warcinfo_record(
            OUT.name,
            {"software": "storyline examples/make_warc.py (warcio)",
             "format": "WARC File Format 1.0",
             "description": "Invented example page for the storyline test corpus"},
        )
        info.rec_headers.replace_header("WARC-Record-ID", "<urn:uuid:6f1c1d3e-0b5a-4a57-9d0e-2c9a0e5b1a01>")
        info.rec_headers.replace_header("WARC-Date", CRAWL_DATE)
        writer.write_record(info)

        body = HTML.encode("utf-8")
        http_headers = StatusAndHeaders(
            "200 OK",
            [("Content-Type", "text/html; charset=utf-8"),
             ("Content-Length", str(len(body))),
             ("Date", HTTP_DATE),
             ("Server", "nginx")],
            protocol="HTTP/1.1",
        )
        record = writer.create_warc_record(
            URL,
            "response",
            payload=BytesIO(body),
            http_headers=http_headers,
            warc_headers_dict={
                "WARC-Record-ID": "<urn:uuid:6f1c1d3e-0b5a-4a57-9d0e-2c9a0e5b1a02>",
                "WARC-Date": CRAWL_DATE,
            },
        )
        writer.write_record(record)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
