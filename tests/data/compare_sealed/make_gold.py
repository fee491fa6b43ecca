# ruff: noqa: E501 -- gold rows read best one to a line
"""Writes gold.jsonl for the sealed comparison set (the same format as the development gold
on the seeds): run once after editing the lists below; every substring must be unique."""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent

PAIRS = {
    "whales": ("whales_wire.txt", "whales_daily.txt"),
    "marathon": ("marathon_sport.txt", "marathon_live.txt"),
    "launch": ("launch_transcript.txt", "launch_science.txt"),
    "strike": ("strike_broadcaster.txt", "strike_daily.txt"),
    "takeover": ("takeover_business.txt", "takeover_tech.txt"),
}

# (sure, relation, a, b)
ALIGN = {
    "whales": [
        (True, "differs", "About 230 pilot whales have stranded on a sandbar",
         "save more than 250 long-finned pilot whales stranded"),
        (True, "differs", "The pod was spotted at about 6:30 a.m. by a fisherman inside the harbour",
         "A salmon farm worker raised the alarm just after 7am yesterday"),
        (True, "differs", "a second group of about 30 was later found stranded on nearby Ocean Beach",
         "Aerial surveys found a second, smaller group of about 35 whales"),
        (True, "differs", "rescuers had managed to refloat 32 whales by late afternoon",
         "By dusk, 28 whales had been guided back to deeper water"),
        (True, "differs", "It's a very difficult rescue.", "This is a really tough operation"),
        (True, "differs", "The tide and the conditions are working against us",
         "the weather isn't on our side"),
        (True, "differs", "we have to focus on the animals that have the best chance of survival",
         "We have to put our effort into the whales that have the best chance."),
        (True, "differs", "Rescue teams of about 60 people",
         "More than 80 people, among them workers"),
        (True, "similar", "the number of dead was expected to rise overnight",
         "Mr Kerr warned the toll would climb overnight."),
        (True, "similar", "The whales that had died would be towed out to sea",
         "Carcasses will be taken out to the open ocean by boat"),
        (True, "similar", "Members of the public have been asked to stay away from the site.",
         "Mr Kerr asked onlookers to keep off the beaches"),
        (True, "similar", "Claire Hobbs said the state would provide whatever resources were needed.",
         "Environment Minister Claire Hobbs flew to Strahan"),
        (True, "similar", "The rescue will resume at first light on Thursday",
         "Crews were due back on the water at 6am today."),
        (True, "similar", "The stranding comes almost exactly six years after about 470",
         "In September 2020, almost 470 pilot whales stranded"),
    ],
    "marathon": [
        (True, "differs", "winning in two hours, two minutes and 31 seconds",
         "OFFICIAL: Kiprono's winning time is 2:02:29, a new course record."),
        (True, "similar", "broke the Amsterdam Marathon course record by more than a minute",
         "That's 68 seconds inside the old mark!"),
        (True, "differs", "He pulled away from Ethiopia's Haile Getu at the 35km mark",
         "He surges away from Getu just after 36km"),
        (True, "differs", "crossed the line 41 seconds clear of him",
         "Getu finishes second, 39 seconds back."),
        (True, "differs", "Kiprono, 24, was making only his second appearance",
         "Kiprono, 23, was running only his second marathon."),
        (True, "similar", "It was his first victory at a big-city marathon.",
         "His first big-city marathon win."),
        (True, "differs", "Runners set off at 9:30 a.m. in cool, calm conditions",
         "It's 11 degrees and there's barely a breath of wind."),
        (False, "similar", "Runners set off at 9:30 a.m.", "And they're off!"),
        (True, "differs", "The leaders went through halfway in 61 minutes 2 seconds",
         "Halfway split: 1:01:04 for the lead pack of seven."),
        (True, "differs", "I knew at 35 kilometres that I had it", "At 35K I knew the race was mine."),
        (True, "differs", "The crowd carried me home.", "The people pushed me all the way to the finish."),
        (True, "differs", "Kiprono earns €30,000 for the win plus a €25,000 bonus for the record.",
         "Kiprono picks up €50,000 in all"),
        (True, "differs", "Tigist Alemu of Ethiopia won in 2:17:52",
         "2:17:55 on the clock for the Ethiopian"),
        (False, "similar", "Tigist Alemu of Ethiopia won in 2:17:52", "ALEMU WINS IT!"),
        (True, "differs", "It was very hard at the end, but I am so happy",
         "The last kilometre was so hard."),
        (True, "differs", "It was very hard at the end, but I am so happy", "I'm very happy."),
        (True, "similar", "More than 17,000 runners started the full marathon",
         "Organisers say more than 17,400 people are on the start line"),
        (True, "differs", "A 34-year-old male runner was taken to hospital",
         "the runner who collapsed is a 36-year-old man from Utrecht"),
        (True, "similar", "A 34-year-old male runner was taken to hospital",
         "We're hearing a runner has collapsed close to the finish"),
    ],
    "launch": [
        (True, "similar", "Lyra-2 lifted off tonight at 21:47 local time",
         "lifted off from the Guiana Space Centre in Kourou at 00:47 GMT on Wednesday"),
        (True, "similar", "At two minutes and 24 seconds into the flight",
         "Contact was lost 144 seconds after launch"),
        (True, "similar", "The vehicle departed from its trajectory and the flight termination system was activated.",
         "Range safety officers then sent the command to blow up the rocket"),
        (True, "similar", "The rocket and the satellite were destroyed.",
         "A rocket carrying Europe's newest climate satellite has been destroyed"),
        (True, "similar", "Debris fell into the Atlantic Ocean",
         "Pieces of the rocket came down in the Atlantic"),
        (True, "differs", "Space is hard, and tonight it has reminded us of that.",
         "Space is unforgiving, and tonight we were reminded of it"),
        (True, "differs", "An independent inquiry commission will be set up tomorrow",
         "Aeolis said an independent board of inquiry"),
        (True, "differs", "This was the seventh flight of Lyra-2 and the first failure.",
         "It was only the rocket's sixth flight, and its first failure."),
        (True, "differs", "Our next flight, planned for February",
         "The next Lyra-2 launch, scheduled for March"),
        (True, "similar", "Halcyon was ten years of work by hundreds of people across Europe.",
         "said the loss of a decade's work was"),
        (True, "similar", "Tonight is very hard for all of them.",
         "said the loss of a decade's work was"),
        (True, "similar", "Halcyon was designed to measure methane and carbon dioxide",
         "was meant to pinpoint emissions of greenhouse gases"),
        (True, "differs", "The satellite weighed 1,180 kilograms.",
         "The 1,250 kg satellite, which cost €320m to build"),
        (True, "differs", "The satellite cost about 290 million euros",
         "The 1,250 kg satellite, which cost €320m to build"),
        (True, "similar", "As is usual for ESA missions, it was not insured.",
         "The 1,250 kg satellite, which cost €320m to build"),
        (True, "similar", "That is a decision for our member states.",
         "would need approval from ESA's member states"),
        (True, "differs", "building a second satellite would take at least three years",
         "a replacement would take at least four years to build"),
        (True, "differs", "The science case for Halcyon is as strong today as it was yesterday.",
         "The science case for this mission is just as strong as it was this morning"),
    ],
    "strike": [
        (True, "similar", "About 36,000 nurses, midwives and healthcare assistants",
         "More than 35,000 members of the New Zealand Nurses Organisation"),
        (True, "differs", "It is the third strike by nurses this year.",
         "It is the second time this year nurses have walked out."),
        (True, "differs", "Health New Zealand has offered a pay rise of 2.5 percent a year",
         "The union rejected an offer worth 2 percent a year last month."),
        (True, "similar", "The union wants 4.5 percent a year and safe staffing levels",
         "It is asking for a 9 percent rise over two years"),
        (True, "similar", "Negotiations are now in their second year.",
         "Talks have dragged on for 14 months."),
        (True, "differs", "about 2,300 planned operations and 8,000 outpatient appointments",
         "Nationally, about 1,900 surgeries and nearly 10,000 outpatient appointments"),
        (True, "similar", "Emergency departments, intensive care and maternity units",
         "Emergency departments and critical care continued"),
        (True, "differs", "Nurses don't want to be on a picket line",
         "No nurse wants to be standing on a picket line"),
        (True, "differs", "but they are exhausted and there are not enough of them",
         "They want to be with their patients, but they are worn out"),
        (True, "differs", "said the agency had already hired 1,100 extra nurses this year",
         "said 1,400 more nurses had been recruited this year"),
        (True, "similar", "and remained ready to meet the union at any time",
         "Mr Pratt said the agency's door remained open to talks."),
        (True, "similar", "said the government would not intervene in the negotiations",
         "The minister has refused to step into the dispute."),
        (True, "similar", "In Dunedin, hundreds of nurses rallied in the Octagon.",
         "About 600 nurses marched from Dunedin Hospital to the Octagon"),
        (True, "similar", "a further two-day strike in January",
         "A 48-hour walkout is planned for late January"),
    ],
    "takeover": [
        (True, "similar", "Supermarket group Northgate has agreed to buy the rapid grocery delivery app Pantri",
         "Northgate is buying Pantri."),
        (True, "similar", "has agreed to buy the rapid grocery delivery app Pantri for £1.9bn",
         "it will pay £1.86bn for the 15-minute grocery delivery startup"),
        (True, "differs", "Northgate will pay 245p a share in cash, a premium of 38%",
         "The offer of £2.45 per share is 41 per cent above"),
        (True, "differs", "Pantri shares jumped 33% to 236p in early trading",
         "Pantri shares leapt 35 per cent to 239p by mid-morning."),
        (True, "similar", "while Northgate shares fell 2.1%", "its shares slipped about 2 per cent"),
        (True, "differs", "Pantri was founded in 2019 by Leila Haddad and Tom Okonjo",
         "founded Pantri in 2020 with Tom Okonjo"),
        (True, "similar", "and floated in London in 2021 at 390p a share",
         "Pantri listed on the London Stock Exchange in 2021 at £3.90 a share"),
        (True, "similar", "Pantri's founders, who own 22% of its shares, have agreed to accept it",
         "Haddad and Okonjo, who together hold about a fifth of the company"),
        (True, "differs", "The company has 1.3 million active customers",
         "Pantri says it has 1.1 million regular customers"),
        (True, "differs", "It lost £64m before tax", "it lost £71m last year, on sales of £512m"),
        (True, "differs", "Pantri gives us the fastest delivery network in the country overnight.",
         "the quickest delivery network in Britain, overnight"),
        (True, "similar", "It would take us years to build that ourselves",
         "something that would have taken years to build"),
        (True, "differs", "up to 300 jobs", "About 350 head-office roles are expected to go"),
        (True, "similar", "The Pantri brand and app will be kept.",
         "Northgate said the Pantri name and app would stay."),
        (True, "differs", "This is the right home for Pantri and the right moment.",
         "We found the right home at the right time"),
        (True, "similar", "The deal needs the approval of the Competition and Markets Authority",
         "It still has to get past the UK competition watchdog"),
        (False, "similar", "One City analyst said the price looked generous",
         "The startup has never turned a profit"),
    ],
}

# (a sentence, b sentence, a figure, b figure, what)
NUMBERS = {
    "whales": [
        ("About 230 pilot whales have stranded", "save more than 250 long-finned", "About 230",
         "more than 250", "whales stranded"),
        ("at least 90 of them have died", "with 110 already dead", "at least 90", "110", "whales dead"),
        ("The pod was spotted at about 6:30 a.m.", "raised the alarm just after 7am", "about 6:30 a.m.",
         "just after 7am", "time the whales were found"),
        ("a second group of about 30", "a second, smaller group of about 35 whales", "about 30",
         "about 35", "whales in the second group"),
        ("refloat 32 whales", "By dusk, 28 whales", "32", "28", "whales refloated"),
        ("Rescue teams of about 60 people", "More than 80 people, among them", "about 60",
         "More than 80", "rescuers in the water"),
        ("working in water of about 12 degrees Celsius", "spent the day in the 11C water",
         "about 12 degrees Celsius", "11C", "water temperature"),
    ],
    "marathon": [
        ("winning in two hours, two minutes and 31 seconds", "Kiprono's winning time is 2:02:29",
         "two hours, two minutes and 31 seconds", "2:02:29", "winning time"),
        ("He pulled away from Ethiopia's Haile Getu at the 35km mark",
         "He surges away from Getu just after 36km", "35km", "36km", "where the winner broke away"),
        ("crossed the line 41 seconds clear of him", "Getu finishes second, 39 seconds back.",
         "41 seconds", "39 seconds", "winning margin"),
        ("Kiprono, 24, was making", "Kiprono, 23, was running", "24", "23", "winner's age"),
        ("The leaders went through halfway in 61 minutes 2 seconds", "Halfway split: 1:01:04",
         "61 minutes 2 seconds", "1:01:04", "halfway time"),
        ("with a lead group of eight still together", "for the lead pack of seven", "eight", "seven",
         "runners in the lead group at halfway"),
        ("with temperatures of around 8C", "It's 11 degrees", "around 8C", "11 degrees",
         "temperature at the start"),
        ("plus a €25,000 bonus for the record", "a €20,000 course record bonus", "€25,000", "€20,000",
         "course record bonus"),
        ("Tigist Alemu of Ethiopia won in 2:17:52", "2:17:55 on the clock", "2:17:52", "2:17:55",
         "women's winning time"),
        ("A 34-year-old male runner", "is a 36-year-old man from Utrecht", "34-year-old",
         "36-year-old", "age of the runner who collapsed"),
    ],
    "launch": [
        ("we expect its first conclusions in around six weeks",
         "would report initial findings by mid-January", "around six weeks", "mid-January",
         "when the inquiry's first findings are due"),
        ("This was the seventh flight of Lyra-2", "It was only the rocket's sixth flight", "seventh",
         "sixth", "number of the flight"),
        ("Our next flight, planned for February", "The next Lyra-2 launch, scheduled for March",
         "February", "March", "month of the next launch"),
        ("The satellite weighed 1,180 kilograms.", "The 1,250 kg satellite", "1,180 kilograms",
         "1,250 kg", "satellite's mass"),
        ("The satellite cost about 290 million euros", "which cost €320m to build",
         "about 290 million euros", "€320m", "satellite's cost"),
        ("building a second satellite would take at least three years",
         "a replacement would take at least four years", "at least three years",
         "at least four years", "time to build a replacement"),
    ],
    "strike": [
        ("It is the third strike by nurses this year.",
         "It is the second time this year nurses have walked out.", "third", "second",
         "strikes by nurses this year"),
        ("a pay rise of 2.5 percent a year", "an offer worth 2 percent a year", "2.5 percent",
         "2 percent", "pay rise offered"),
        ("about 2,300 planned operations", "Nationally, about 1,900 surgeries", "about 2,300",
         "about 1,900", "operations postponed nationally"),
        ("and 8,000 outpatient appointments", "nearly 10,000 outpatient appointments", "8,000",
         "nearly 10,000", "outpatient appointments postponed"),
        ("had already hired 1,100 extra nurses", "1,400 more nurses had been recruited", "1,100",
         "1,400", "nurses recruited"),
    ],
    "takeover": [
        ("a premium of 38% to Pantri's closing price", "is 41 per cent above where", "38%",
         "41 per cent", "premium of the offer"),
        ("Pantri shares jumped 33% to 236p", "Pantri shares leapt 35 per cent to 239p", "33%",
         "35 per cent", "rise of Pantri's shares"),
        ("Pantri shares jumped 33% to 236p", "Pantri shares leapt 35 per cent to 239p", "236p", "239p",
         "Pantri's share price after the news"),
        ("Pantri was founded in 2019", "founded Pantri in 2020", "2019", "2020",
         "year Pantri was founded"),
        ("The company has 1.3 million active customers", "Pantri says it has 1.1 million regular customers",
         "1.3 million", "1.1 million", "customers"),
        ("across 14 UK cities", "in 16 cities", "14", "16", "cities served"),
        ("It lost £64m before tax", "it lost £71m last year", "£64m", "£71m", "Pantri's loss last year"),
        ("up to 300 jobs", "About 350 head-office roles", "up to 300", "About 350", "jobs to be cut"),
    ],
}

QUOTES = {
    "whales": [("It's a very difficult rescue. The tide and the conditions are working against us",
                "This is a really tough operation and the weather isn't on our side"),
               ("we have to focus on the animals that have the best chance of survival",
                "We have to put our effort into the whales that have the best chance")],
    "marathon": [("I knew at 35 kilometres that I had it", "At 35K I knew the race was mine"),
                 ("The crowd carried me home", "The people pushed me all the way to the finish"),
                 ("It was very hard at the end, but I am so happy",
                  "The last kilometre was so hard. I'm very happy.")],
    "launch": [("Space is hard, and tonight it has reminded us of that.",
                "Space is unforgiving, and tonight we were reminded of it"),
               ("The science case for Halcyon is as strong today as it was yesterday.",
                "The science case for this mission is just as strong as it was this morning")],
    "strike": [("Nurses don't want to be on a picket line, they want to be on the ward caring for patients",
                "No nurse wants to be standing on a picket line"),
               ("but they are exhausted and there are not enough of them",
                "They want to be with their patients, but they are worn out and there simply aren't enough of them")],
    "takeover": [("Pantri gives us the fastest delivery network in the country overnight",
                  "the quickest delivery network in Britain, overnight"),
                 ("This is the right home for Pantri and the right moment",
                  "We found the right home at the right time")],
}

# (side, sentence substring)
UNIQUE = {
    "whales": [("a", "Scientists do not know why pilot whales strand in large numbers"),
               ("a", "Pilot whales can grow to about seven metres long"),
               ("b", "Strahan's tiny community turned out in force"),
               ("b", "Abalone diver Sam Pickett, who also helped in 2020")],
    "marathon": [("a", "The best Dutch finisher was Jesse van Dam"),
                 ("a", "The Amsterdam race is one of the fastest in the world"),
                 ("b", "Some streets in the city centre will remain closed until 5 p.m."),
                 ("b", "A huge cheer here as the wheelchair race winner")],
    "launch": [("a", "The launch had been postponed by 24 hours because of high-altitude winds on Monday."),
               ("a", "Our teams have secured all the flight data and it is being analysed overnight."),
               ("b", "Europe has struggled to keep its own access to space"),
               ("b", "Insurers have grown wary of new rockets")],
    "strike": [("a", "In Wellington, more than 2,000 people marched to Parliament"),
               ("a", "Health NZ is under orders from the government to cut its deficit"),
               ("b", "At Dunedin Hospital, 84 planned operations were postponed"),
               ("b", "Mosgiel grandmother Jean Forsyth"),
               ("b", "The troubled build of the new Dunedin Hospital")],
    "takeover": [("a", "Northgate, which has 520 supermarkets and employs 88,000 people"),
                 ("b", "Its app was rebuilt last year on an in-house routing system"),
                 ("b", "Several rival rapid-delivery apps have quit the UK since 2022.")],
}

COMPATIBLE = {
    "whales": [("on Wednesday", "yesterday"), ("six years after", "In September 2020"),
               ("about 470", "almost 470"), ("first light on Thursday", "6am today")],
    "marathon": [("by more than a minute", "68 seconds"), ("More than 17,000", "more than 17,400"),
                 ("€30,000", "€30,000"), ("9:30 a.m.", "09:30"), ("second appearance", "second marathon"),
                 ("near the 40km mark", "close to the finish")],
    "launch": [("21:47 local time", "00:47 GMT on Wednesday"), ("two minutes and 24 seconds", "144 seconds"),
               ("about 400 kilometres", "some 250 miles"), ("ten years", "a decade"),
               ("first failure", "first failure")],
    "strike": [("About 36,000", "More than 35,000"), ("24 hours", "day-long"),
               ("at 7am today", "at 7am on Thursday"), ("4.5 percent a year", "9 percent rise over two years"),
               ("second year", "14 months"), ("hundreds", "About 600"), ("two-day", "48-hour"),
               ("in January", "late January")],
    "takeover": [("£1.9bn", "£1.86bn"), ("245p", "£2.45"), ("2.1%", "about 2 per cent"),
                 ("390p", "£3.90"), ("22%", "about a fifth"), ("74", "74"), ("£512m", "£512m"),
                 ("second quarter of 2027", "by the end of June next year"), ("on Wednesday", "on Wednesday"),
                 ("in 2021", "in 2021")],
}


def once(text: str, sub: str, where: str) -> None:
    n = text.count(sub)
    if n != 1:
        raise SystemExit(f"{sub!r} occurs {n} times in {where}")


def main() -> None:
    lines = [{"type": "meta", "note": (
        "Sealed gold for sidelight compare: five pairs of news reports written for this set "
        "(see SOURCES.md), gold written and committed before the comparison ran on them; "
        "nobody but its author opens it. Same format and rules as the development gold on "
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
    kinds: dict[str, int] = {}
    for x in lines:
        key = x["type"] + ("" if x["type"] != "align" else (" sure" if x["sure"] else " possible"))
        kinds[key] = kinds.get(key, 0) + 1
    print(f"{out.name}: {len(PAIRS)} pairs, {kinds}")


if __name__ == "__main__":
    main()
