# ruff: noqa: E501 -- gold rows read best one to a line
"""Writes gold.jsonl for the fresh comparison set (the same format as the development gold
on the seeds): run once after editing the lists below; every substring must be unique."""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent

PAIRS = {
    "verdict": ("verdict_wire.txt", "verdict_broadcaster.txt"),
    "election": ("election_wire.txt", "election_live.txt"),
    "airport": ("airport_transcript.txt", "airport_daily.txt"),
    "outbreak": ("outbreak_wire.txt", "outbreak_daily.txt"),
    "earnings": ("earnings_business.txt", "earnings_tech.txt"),
}

# (sure, relation, a, b)
ALIGN = {
    "verdict": [
        (True, "similar", "A Melbourne builder was found guilty on Thursday of the manslaughter",
         "The director of a construction company has been convicted over the deaths"),
        (True, "differs", "A Supreme Court jury convicted Gregory Hale, 58",
         "After a seven-week trial, a jury in the Supreme Court of Victoria"),
        (True, "differs", "The verdict was read at 2:45 p.m.", "which was handed down at 2:15pm"),
        (True, "similar", "Hale stared straight ahead without showing any emotion",
         "showed no reaction as the jury foreman read out"),
        (False, "similar", "A Supreme Court jury convicted Gregory Hale, 58",
         "showed no reaction as the jury foreman read out"),
        (True, "differs", "Lily Tran, 21, and Arjun Mehta, 23",
         "International students Lily Tran, 21, and Arjun Mehta, 22"),
        (True, "differs", "fell eight storeys when the balcony collapsed",
         "They dropped seven floors onto a concrete courtyard."),
        (False, "similar", "died when a rotting balcony gave way beneath them",
         "were killed when the timber balcony gave way"),
        (False, "similar", "fell eight storeys when the balcony collapsed",
         "two young people who plunged from a balcony"),
        (False, "similar", "A Melbourne builder was found guilty on Thursday of the manslaughter",
         "showed no reaction as the jury foreman read out"),
        (True, "differs", "Five other people were injured in the fall", "Six others were hurt"),
        (True, "similar", "Prosecutors told the court that an engineer had warned Hale",
         "The Crown argued Hale knew as early as 2022"),
        (True, "similar", "Hale's lawyers argued the engineer's report had never reached him",
         "His defence team maintained he never saw the engineer's report"),
        (True, "similar", "Justice Miriam Okafor revoked Hale's bail",
         "Justice Miriam Okafor ordered that Hale be taken into custody."),
        (True, "differs", "remanded him in custody until sentencing on Dec. 14",
         "He will be sentenced on Tuesday, December 15."),
        (True, "similar", "Manslaughter carries a maximum penalty of 25 years",
         "The maximum sentence for manslaughter in Victoria is 25 years' jail."),
        (True, "differs", "Nothing will bring Lily back, but today the truth was heard",
         "Nothing will ever bring our daughter back"),
        (False, "similar", "her mother, Kim Tran, said outside the court",
         "Outside court, Lily's mother Kim Tran wept"),
        (True, "similar", "Defence lawyer Paul Whitby said his client was",
         "His barrister, Paul Whitby, said outside court"),
        (True, "differs", "We will be considering an appeal",
         "We'll be looking very closely at an appeal"),
    ],
    "election": [
        (True, "similar", "Former school trustee Maya Sandhu won Vancouver's mayoral by-election",
         "Maya Sandhu will be Vancouver's next mayor."),
        (True, "similar", "defeating city councillor Derek Olsen by more than 8,500 votes",
         "Olsen is on 40.9 per cent, about 8,600 votes behind."),
        (False, "similar", "Former school trustee Maya Sandhu won Vancouver's mayoral by-election",
         "The city's chief election officer called the race"),
        (True, "differs", "With all 212 voting places reporting",
         "With all 214 voting places counted"),
        (True, "differs", "Olsen, who ran as an independent, took 52,907 votes, or 40.7%.",
         "Olsen is on 40.9 per cent"),
        (True, "similar", "Green candidate Rosa Mendez was third with 9.8%.",
         "Rosa Mendez of the Greens is a distant third"),
        (False, "similar", "declared Sandhu the winner at 9:48 p.m.",
         "Maya Sandhu will be Vancouver's next mayor."),
        (True, "differs", "declared Sandhu the winner at 9:48 p.m.",
         "called the race at 10:12 p.m."),
        (True, "differs", "About 6,000 mail-in ballots have yet to be counted",
         "Roughly 7,500 mail ballots are still to be counted"),
        (True, "differs", "Turnout was 34.2%",
         "Just over a third of eligible voters cast a ballot, 36 per cent"),
        (True, "similar", "up from 29% at the last municipal election in 2022",
         "That beats the 29 per cent turnout of 2022."),
        (True, "differs", "The official result will be declared on Wednesday.",
         "Official results are expected Thursday, Oct. 22"),
        (True, "similar", "Sandhu becomes the first woman of South Asian heritage",
         "will be the first South Asian woman to serve as mayor"),
        (True, "differs", "This city said loud and clear tonight",
         "Vancouver has said loud and clear that it wants housing"),
        (True, "differs", "She has promised to build 20,000 rental homes in four years.",
         "pledged in her victory speech to deliver 25,000 new rental units by 2030"),
        (True, "similar", "Olsen conceded in a speech at a downtown hotel",
         "Derek Olsen has phoned Sandhu to concede"),
        (True, "differs", "The voters have spoken and I respect their decision",
         "The people have spoken, and I accept that"),
        (True, "similar", "The by-election was called after Mayor Tom Wakefield stepped down",
         "The vote was triggered by Tom Wakefield's resignation"),
        (True, "similar", "Sandhu will be sworn in on Nov. 2.",
         "The winner takes office on Monday, November 2."),
    ],
    "airport": [
        (True, "differs", "our radar data processing system at the Dublin control centre failed",
         "The fault struck at 06:50"),
        (True, "similar", "for safety reasons we had to stop all departures",
         "halted all take-offs for almost five hours"),
        (True, "similar", "Arrivals continued, but at a much reduced rate",
         "Incoming flights were allowed to land throughout"),
        (True, "similar", "The fault was in the software that combines data from our radar stations.",
         "when the system that merges signals from AirNav Ireland's radar sites stopped working"),
        (True, "similar", "It was not a cyber attack.", "ruled out a cyber attack"),
        (False, "similar", "The fault was in the software that combines data from our radar stations.",
         "This was a software fault, not a cyber attack"),
        (True, "differs", "It was not a cyber attack.",
         "This was a software fault, not a cyber attack"),
        (True, "similar", "The system was restored at 11:25",
         "Departures resumed shortly before noon"),
        (False, "similar", "The system was restored at 11:25",
         "halted all take-offs for almost five hours"),
        (True, "differs", "We had 680 flights scheduled",
         "About 750 flights had been scheduled"),
        (True, "differs", "Today 212 flights were cancelled at Dublin",
         "More than 230 flights were cancelled at Dublin Airport"),
        (True, "differs", "around 31,000 passengers have been affected",
         "estimated that 35,000 passengers had their journeys disrupted"),
        (True, "differs", "Many more flights were delayed, some of them by up to five hours.",
         "Some passengers waited more than six hours"),
        (True, "differs", "I want to say sorry to every passenger whose plans were ruined today.",
         "To every passenger whose plans were wrecked today, I am sorry"),
        (True, "similar", "I want to say sorry to every passenger whose plans were ruined today.",
         "Declan Moran of daa apologised to travellers."),
        (True, "similar", "We expect a full schedule on Saturday",
         "a full schedule was expected on Saturday"),
        (True, "similar", "Please do not come to the airport unless",
         "Passengers have been told not to travel to the airport"),
        (True, "similar", "Under EU rules, passengers whose flights were cancelled",
         "Airlines must offer refunds or rebooking"),
        (True, "similar", "An independent review will report to the Minister for Transport within four weeks.",
         "has ordered an independent review"),
    ],
    "outbreak": [
        (True, "differs", "A cholera outbreak in Zambia has killed 63 people",
         "cholera death toll in Zambia has risen to 71"),
        (True, "differs", "Health Minister Chanda Mwila told a news conference that 1,842 cases",
         "with the number of confirmed cases now at 2,016"),
        (True, "differs", "214 of them in the past 24 hours",
         "237 new infections were recorded in a single day"),
        (False, "similar", "since it began in early October",
         "since the outbreak started on October 3"),
        (True, "similar", "Most of the cases are in Lusaka's crowded townships",
         "Kanyama and Matero remain the hardest-hit areas"),
        (True, "similar", "where many residents rely on shallow wells",
         "families draw water from shallow wells"),
        (True, "similar", "as the disease spread from the capital to three more provinces",
         "The disease has now spread to Copperbelt, Central and Southern provinces."),
        (True, "differs", "The next two weeks will be critical",
         "The coming fortnight is decisive"),
        (True, "differs", "We are asking every household to boil or chlorinate",
         "Boil it or add chlorine, every household, every day"),
        (True, "similar", "We are asking every household to boil or chlorinate",
         "Dr Mwila urged residents to treat all drinking water."),
        (True, "differs", "postponed the reopening of schools in Lusaka province",
         "Schools in Lusaka province, which were due to reopen on Monday"),
        (True, "differs", "A vaccination campaign will begin on Monday with 1.4 million doses",
         "A vaccination drive will start on Monday, November 9"),
        (True, "differs", "The campaign aims to reach 1.2 million people",
         "Health officials hope to vaccinate nearly one million residents."),
        (True, "differs", "WHO representative Amara Diallo said the case fatality rate",
         "WHO country representative Dr Amara Diallo said the death rate"),
        (True, "differs", "The army has set up three field treatment centres",
         "Defence Force soldiers have put up three cholera treatment camps"),
        (True, "similar", "Public gatherings of more than 50 people have been banned",
         "Police said gatherings of more than 50 people"),
        (True, "similar", "Zambia's last major outbreak, in 2024, killed more than 700 people.",
         "The 2024 outbreak claimed over 740 lives"),
    ],
    "earnings": [
        (False, "similar", "Norvik Semiconductor reported third-quarter profit well above Wall Street expectations",
         "Norvik just posted another blowout quarter"),
        (True, "differs", "Revenue rose 17% from a year earlier to $4.82 billion",
         "The chipmaker pulled in $4.8bn in revenue"),
        (True, "similar", "Analysts polled by LSEG had expected $4.61 billion.",
         "That comfortably beat the roughly $4.6bn analysts were looking for."),
        (True, "similar", "Net income climbed to $612 million",
         "Profit came in at $0.61bn"),
        (True, "differs", "Excluding one-off items, it earned $1.58 per share",
         "On an adjusted basis, earnings per share were $1.58"),
        (True, "differs", "Sales at the data-centre unit jumped 41% to $2.1 billion",
         "where revenue shot up 41 per cent to $2.3bn"),
        (True, "similar", "more than 40% of the total",
         "That division now makes up almost half of Norvik's sales."),
        (True, "similar", "The personal-computer business, by contrast, shrank 6%",
         "PC chips had a rougher time"),
        (True, "similar", "Norvik forecast fourth-quarter revenue of between $5.0 billion and $5.2 billion",
         "For the current quarter, Norvik expects revenue of $5bn to $5.2bn"),
        (True, "differs", "Its shares rose 9% in extended trading.",
         "the stock soared nearly 11% after the bell"),
        (True, "differs", "Demand for our AI networking products is running well ahead of what we can build",
         "We simply can't make these products fast enough"),
        (True, "similar", "Eklund said supply would stay tight until at least the middle of next year",
         "He expects the chip shortage to last into the second half of 2027"),
        (True, "similar", "raised its quarterly dividend by 2 cents to 38 cents a share",
         "Norvik also bumped its quarterly dividend to 38 cents a share."),
        (True, "similar", "Chief Financial Officer Rita Osei said gross margin widened to 58.6%",
         "Gross margin improved to 58.6 per cent"),
    ],
}

# (a sentence, b sentence, a figure, b figure, what)
NUMBERS = {
    "verdict": [
        ("after deliberating for four days", "took three days to reach its verdict", "four days",
         "three days", "length of the jury's deliberation"),
        ("at the end of a six-week trial", "After a seven-week trial", "six-week", "seven-week",
         "length of the trial"),
        ("The verdict was read at 2:45 p.m.", "which was handed down at 2:15pm", "2:45 p.m.",
         "2:15pm", "time of the verdict"),
        ("Lily Tran, 21, and Arjun Mehta, 23", "International students Lily Tran, 21, and Arjun Mehta, 22",
         "23", "22", "age of the second victim"),
        ("fell eight storeys when the balcony collapsed", "They dropped seven floors", "eight storeys",
         "seven floors", "height of the fall"),
        ("Five other people were injured in the fall", "Six others were hurt", "Five", "Six",
         "people injured"),
        ("remanded him in custody until sentencing on Dec. 14", "He will be sentenced on Tuesday, December 15.",
         "Dec. 14", "December 15", "date of sentencing"),
    ],
    "election": [
        ("With all 212 voting places reporting", "With all 214 voting places counted", "212", "214",
         "voting places"),
        ("Sandhu of Forward Vancouver had 61,482 votes, or 47.3%", "Sandhu has just over 61,000 votes, 47.1 per cent",
         "47.3%", "47.1 per cent", "winner's share of the vote"),
        ("took 52,907 votes, or 40.7%.", "Olsen is on 40.9 per cent", "40.7%", "40.9 per cent",
         "runner-up's share of the vote"),
        ("declared Sandhu the winner at 9:48 p.m.", "called the race at 10:12 p.m.", "9:48 p.m.",
         "10:12 p.m.", "time the race was called"),
        ("About 6,000 mail-in ballots have yet to be counted", "Roughly 7,500 mail ballots are still to be counted",
         "About 6,000", "Roughly 7,500", "mail ballots left to count"),
        ("Turnout was 34.2%", "Just over a third of eligible voters cast a ballot, 36 per cent", "34.2%",
         "36 per cent", "turnout"),
        ("The official result will be declared on Wednesday.", "Official results are expected Thursday, Oct. 22",
         "Wednesday", "Thursday, Oct. 22", "day of the official result"),
        ("She has promised to build 20,000 rental homes", "to deliver 25,000 new rental units", "20,000",
         "25,000", "rental homes promised"),
    ],
    "airport": [
        ("At 6:40 this morning our radar data processing system", "The fault struck at 06:50", "6:40",
         "06:50", "time of the failure"),
        ("We had 680 flights scheduled", "About 750 flights had been scheduled", "680", "About 750",
         "flights scheduled"),
        ("Today 212 flights were cancelled at Dublin", "More than 230 flights were cancelled", "212",
         "More than 230", "flights cancelled"),
        ("around 31,000 passengers have been affected", "estimated that 35,000 passengers", "31,000",
         "35,000", "passengers affected"),
        ("some of them by up to five hours", "Some passengers waited more than six hours",
         "up to five hours", "more than six hours", "longest delays"),
    ],
    "outbreak": [
        ("A cholera outbreak in Zambia has killed 63 people", "cholera death toll in Zambia has risen to 71",
         "63", "71", "deaths"),
        ("told a news conference that 1,842 cases", "with the number of confirmed cases now at 2,016",
         "1,842", "2,016", "cases"),
        ("214 of them in the past 24 hours", "237 new infections were recorded in a single day", "214",
         "237", "new cases in a day"),
        ("postponed the reopening of schools in Lusaka province by two weeks, to Nov. 23.",
         "will stay closed until November 30.", "Nov. 23", "November 30", "date schools reopen"),
        ("A vaccination campaign will begin on Monday with 1.4 million doses",
         "using 1.5 million doses supplied through the WHO", "1.4 million", "1.5 million", "vaccine doses"),
        ("The campaign aims to reach 1.2 million people", "Health officials hope to vaccinate nearly one million residents.",
         "1.2 million", "nearly one million", "people to be vaccinated"),
        ("including one at the National Heroes Stadium with 400 beds", "the biggest a 500-bed facility",
         "400 beds", "500-bed", "beds at the stadium centre"),
    ],
    "earnings": [
        ("in the three months to Sept. 27", "which ended September 28", "Sept. 27", "September 28",
         "end of the quarter"),
        ("beating the $1.41 analysts had forecast", "against expectations of $1.45", "$1.41", "$1.45",
         "forecast adjusted earnings per share"),
        ("Sales at the data-centre unit jumped 41% to $2.1 billion", "where revenue shot up 41 per cent to $2.3bn",
         "$2.1 billion", "$2.3bn", "data-centre revenue"),
        ("Its shares rose 9% in extended trading.", "the stock soared nearly 11% after the bell", "9%",
         "nearly 11%", "share move after the results"),
    ],
}

QUOTES = {
    "verdict": [("Nothing will bring Lily back, but today the truth was heard",
                 "Nothing will ever bring our daughter back, but at least the truth has been heard today"),
                ("We will be considering an appeal", "We'll be looking very closely at an appeal")],
    "election": [("This city said loud and clear tonight that it wants homes people can afford",
                  "Vancouver has said loud and clear that it wants housing people can actually afford"),
                 ("The voters have spoken and I respect their decision",
                  "The people have spoken, and I accept that")],
    "airport": [("It was not a cyber attack.", "This was a software fault, not a cyber attack"),
                ("I want to say sorry to every passenger whose plans were ruined today.",
                 "To every passenger whose plans were wrecked today, I am sorry")],
    "outbreak": [("The next two weeks will be critical", "The coming fortnight is decisive"),
                 ("We are asking every household to boil or chlorinate its drinking water",
                  "Boil it or add chlorine, every household, every day"),
                 ("far too high", "way above what we should accept")],
    "earnings": [("Demand for our AI networking products is running well ahead of what we can build",
                  "We simply can't make these products fast enough")],
}

# (side, sentence substring)
UNIQUE = {
    "verdict": [("a", "The case is the first time a builder has been convicted of manslaughter"),
                ("a", "Hale Constructions went into liquidation in 2025."),
                ("b", "Since the collapse, Victoria's Building Authority has inspected"),
                ("b", "Apartment owners in the building are still in a legal fight")],
    "election": [("a", "The council remains split, with no party holding a majority"),
                 ("b", "Lineups at some polling stations in East Vancouver stretched")],
    "airport": [("a", "About 40 of our controllers and engineers worked through the morning"),
                ("b", "Ryanair, the airport's biggest airline, said it had cancelled 96 flights."),
                ("b", "It is the second major air traffic control failure to hit Irish airspace"),
                ("b", "others slept on the floor of Terminal 1")],
    "outbreak": [("a", "The ministry said it needed $18 million to fight the outbreak"),
                 ("a", "Neighbouring Malawi and Zimbabwe have also reported cases this year."),
                 ("b", "Residents of Kanyama told this newspaper"),
                 ("b", "The Ministry of Health has opened a toll-free line")],
    "earnings": [("a", "Norvik shares had closed 1.2% lower at $212.40 before the results."),
                 ("a", "Norvik employs about 31,000 people worldwide."),
                 ("b", "Norvik competes with Broadcom and Marvell in networking chips."),
                 ("b", "Its shares have more than doubled this year.")],
}

COMPATIBLE = {
    "verdict": [("25 years", "25 years'"), ("18 months before the collapse", "as early as 2022"),
                ("in 2024", "more than two years ago"), ("58", "58"), ("21", "21")],
    "election": [("more than 8,500", "about 8,600"), ("61,482", "just over 61,000"),
                 ("9.8%", "about 10 per cent"), ("29%", "29 per cent"),
                 ("Nov. 2", "Monday, November 2"), ("in four years", "by 2030"),
                 ("in June", "this summer")],
    "airport": [("11:25", "shortly before noon"), ("Saturday", "Saturday"),
                ("within four weeks", "within a month")],
    "outbreak": [("more than 1,800", "2,016"), ("3.4%", "more than 3 per cent"),
                 ("more than 700", "over 740"), ("more than 50", "more than 50"),
                 ("early October", "October 3"), ("on Monday", "Monday, November 9"),
                 ("three", "three")],
    "earnings": [("$4.82 billion", "$4.8bn"), ("17%", "17 per cent"),
                 ("$4.61 billion", "roughly $4.6bn"), ("$612 million", "$0.61bn"),
                 ("$455 million", "$455m"), ("$1.58", "$1.58"), ("41%", "41 per cent"),
                 ("6%", "6 per cent"), ("$5.0 billion", "$5bn"), ("$4.9 billion", "$4.9bn"),
                 ("58.6%", "58.6 per cent"), ("55.1%", "55.1 per cent"), ("38 cents", "38 cents"),
                 ("more than 40%", "almost half")],
}


def once(text: str, sub: str, where: str) -> None:
    n = text.count(sub)
    if n != 1:
        raise SystemExit(f"{sub!r} occurs {n} times in {where}")


def main() -> None:
    lines = [{"type": "meta", "note": (
        "Fresh gold for sidelight compare: five pairs of news reports written for this set "
        "(see SOURCES.md), gold written before the comparison ran on them and kept from "
        "everyone tuning the comparison. Same format and rules as the development gold on "
        "the seeds.")}]
    for name, (fa, fb) in PAIRS.items():
        ta, tb = ((HERE / f).read_text(encoding="utf-8") for f in (fa, fb))
        ida, idb = f"{name}-a", f"{name}-b"
        lines += [{"type": "doc", "id": ida, "root": "articles", "file": fa},
                  {"type": "doc", "id": idb, "root": "articles", "file": fb},
                  {"type": "pair", "pair": name, "a": ida, "b": idb}]
        for sure, rel, a, b in ALIGN[name]:
            once(ta, a, fa)
            once(tb, b, fb)
            lines.append({"type": "align", "pair": name, "sure": sure, "relation": rel,
                          "a": a, "b": b})
        for sa, sb, va, vb, what in NUMBERS.get(name, []):
            once(ta, sa, fa)
            once(tb, sb, fb)
            if va not in sa or vb not in sb:
                raise SystemExit(f"figure not in its sentence: {va!r} / {vb!r}")
            lines.append({"type": "number_diff", "pair": name, "a_sentence": sa,
                          "b_sentence": sb, "a": va, "b": vb, "what": what})
        for qa, qb in QUOTES.get(name, []):
            once(ta, qa, fa)
            once(tb, qb, fb)
            lines.append({"type": "quote_diff", "pair": name, "a": qa, "b": qb})
        for side, text in UNIQUE.get(name, []):
            once(ta if side == "a" else tb, text, fa if side == "a" else fb)
            lines.append({"type": "unique", "pair": name, "side": side, "text": text})
        for a, b in COMPATIBLE.get(name, []):
            lines.append({"type": "compatible", "pair": name, "a": a, "b": b})
    out = HERE / "gold.jsonl"
    out.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines),
                   encoding="utf-8")
    sure = sum(1 for x in lines if x["type"] == "align" and x["sure"])
    print(f"{out.name}: {len(PAIRS)} pairs, {sure} sure pairs")


if __name__ == "__main__":
    main()
