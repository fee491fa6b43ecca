# ruff: noqa: E501 -- gold rows read best one to a line
"""Writes gold.jsonl for the blind comparison sets (the same format as the development gold
on the seeds): run once after editing the lists below; every substring must be unique."""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent

PAIRS = {
    "quake": ("quake_wire.txt", "quake_broadcaster.txt"),
    "rail": ("rail_wire.txt", "rail_local.txt"),
    "layoffs": ("layoffs_business.txt", "layoffs_tech.txt"),
    "fire": ("fire_daily.txt", "fire_tv.txt"),
    "vote": ("vote_transcript.txt", "vote_report.txt"),
    "ferry": ("ferry_wire.txt", "ferry_news.txt"),
}

# (sure, relation, a, b)
ALIGN = {
    "quake": [
        (True, "differs", "killing at least 27 people and bringing down houses",
         "At least 31 people have died after a powerful earthquake"),
        (True, "differs", "A magnitude 6.1 earthquake struck the mountains",
         "The tremor, which struck at 03:40 local time"),
        (True, "differs", "The quake hit at 3:42 a.m.", "The tremor, which struck at 03:40 local time"),
        (True, "similar", "bringing down houses in a string of medieval hill towns",
         "Dozens of buildings collapsed in hill towns"),
        (False, "similar", "with its epicentre near the village of Castel di Sangro",
         "Dozens of buildings collapsed in hill towns"),
        (True, "similar", "More than 200 people were injured", "About 250 people were hurt"),
        (True, "similar", "In Sulmona alone, 11 people died",
         "the church bell tower had fallen on neighbouring houses, killing 11"),
        (True, "differs", "We have never seen anything like this",
         "we are digging with our bare hands"),
        (True, "differs", "We are digging with our hands.", "we are digging with our bare hands"),
        (True, "similar", "flew by helicopter to the area and promised 50 million euros",
         "visited the affected area on Sunday afternoon, pledging"),
        (True, "differs", "\"No family will be left alone,\" he said.",
         "\"No family will be abandoned,\" the prime minister"),
        (True, "similar", "Rescuers with sniffer dogs searched the rubble",
         "Rescue teams from across Italy, including specialist units with sniffer dogs"),
        (True, "similar", "firefighters pulled a 9-year-old girl alive",
         "Firefighters rescued a nine-year-old girl"),
        (True, "similar", "The region was last hit by a deadly quake in 2009",
         "More than 300 people died in a 2009 earthquake"),
    ],
    "rail": [
        (True, "similar", "derailed in rural north-central Montana on Saturday afternoon",
         "Three people were killed and more than 50 hurt"),
        (True, "differs", "eight of its ten cars left the tracks", "Seven of the train's ten cars derailed"),
        (True, "differs", "was carrying 141 passengers and 16 crew members",
         "Amtrak said 147 passengers and 13 crew were on board"),
        (True, "similar", "Sheriff Nick Krasowski said three people died at the scene",
         "Sheriff Nick Krasowski confirmed the three deaths"),
        (True, "similar", "Seven people were flown to hospitals", "Seven patients were airlifted to hospitals"),
        (True, "differs", "\"It was like being in a tumble dryer,\" passenger",
         "like being inside a washing machine"),
        (True, "differs", "People were screaming and bags were flying everywhere",
         "like being inside a washing machine"),
        (True, "similar", "Local residents brought water, blankets and food",
         "Passengers were bused to the Chester school gym"),
        (True, "similar", "Local residents brought water, blankets and food",
         "People just showed up with blankets and sandwiches"),
        (False, "similar", "Local residents brought water, blankets and food",
         "the whole community turned out to help"),
        (True, "similar", "The National Transportation Safety Board said it was sending",
         "A team of investigators from the National Transportation Safety Board arrived"),
        (True, "similar", "The tracks are owned by BNSF Railway",
         "BNSF Railway, which owns the track"),
        (False, "similar", "runs daily between Chicago and the Pacific Northwest",
         "which had left Chicago on Thursday"),
        (False, "similar", "An Amtrak train traveling from Chicago to Seattle",
         "which had left Chicago on Thursday"),
    ],
    "layoffs": [
        (True, "differs", "it would cut about 12,000 jobs, or 6 percent",
         "eliminating roughly ten thousand positions"),
        (True, "similar", "will cost $1.2 billion in severance",
         "will take restructuring charges of about $1.2 billion"),
        (True, "similar", "Shares of the Stockholm-based company rose 3.4%",
         "the stock climbed more than 3% on Tuesday morning"),
        (True, "differs", "These are difficult decisions, and they affect people",
         "told employees the decisions were"),
        (True, "differs", "Solberg said the company needed to",
         "We need to move faster and put our resources"),
        (True, "similar", "Nordtek employs about 200,000 people in 38 countries",
         "which has roughly 200,000 employees worldwide"),
        (True, "similar", "Revenue fell 9% to $14.3 billion",
         "fourth-quarter revenue dropped 9 percent to $14.3 billion"),
        (True, "differs", "We see a clear path back to growth by the end of 2026",
         "On the earnings call, CFO Henrik Dahl said"),
        (False, "similar", "told analysts on a conference call",
         "On the earnings call, CFO Henrik Dahl said"),
        (True, "similar", "The company also announced a $5 billion share buyback",
         "Nordtek will also buy back $5 billion"),
        (True, "similar", "Rival Corvant said last week it would lay off 4,000 workers",
         "The layoffs follow cuts at rival Corvant"),
        (False, "similar", "Nordtek joins a growing list of technology companies",
         "The layoffs follow cuts at rival Corvant"),
        (True, "similar", "Unions in Sweden said they had not been consulted",
         "Swedish unions criticised the plan"),
        (True, "similar", "Unions in Sweden said they had not been consulted",
         "\"This is a betrayal of loyal workers,\" said Lars Berg"),
    ],
    "fire": [
        (True, "differs", "had burned about ten thousand acres by Thursday night",
         "The Cedar Ridge fire has grown to 12,400 acres"),
        (True, "differs", "forced some 3,000 residents from their homes",
         "Evacuation orders now cover more than 4,000 people"),
        (True, "similar", "started shortly after 2 p.m. on Wednesday",
         "The fire broke out around 2:15 p.m. Wednesday"),
        (True, "similar", "was 15 percent contained as of Thursday evening",
         "The Cedar Ridge fire has grown to 12,400 acres"),
        (True, "similar", "At least 40 homes and outbuildings have been destroyed",
         "Fire officials confirmed 43 structures have been destroyed"),
        (True, "similar", "At least 40 homes and outbuildings have been destroyed",
         "Another 2,500 are under threat"),
        (True, "similar", "Winds gusting to 45 mph pushed the flames",
         "Strong winds drove the fire over the highway"),
        (True, "differs", "This fire is moving faster than anything I've seen",
         "I've been doing this for twenty years"),
        (False, "similar", "This fire is moving faster than anything I've seen",
         "Battalion Chief Ray Ortiz said the fire's speed"),
        (True, "similar", "More than 1,100 firefighters, 12 helicopters",
         "About 1,200 firefighters are now battling the blaze"),
        (True, "similar", "Sheriff Maria Lund urged residents in evacuation warning zones",
         "Sheriff Maria Lund told residents under evacuation warnings"),
        (True, "differs", "\"Don't wait for the knock on the door,\" she said.",
         "\"Don't wait for a knock on your door. Go now,\" Lund said."),
        (True, "similar", "An evacuation centre has been set up at the Shasta College gym",
         "The Red Cross opened a shelter at Shasta College"),
        (True, "similar", "The cause of the fire is under investigation",
         "Investigators have not yet determined what sparked the fire"),
        (True, "similar", "Gov. Elena Park declared a state of emergency",
         "Governor Elena Park declared a state of emergency"),
    ],
    "vote": [
        (True, "differs", "Tonight the Assembly passed the Affordable Homes Act by 312 votes to 287",
         "approved the government's flagship housing bill by 312 votes to 285"),
        (True, "similar", "This law will build 200,000 social homes",
         "The Affordable Homes Act promises 200,000 social homes"),
        (True, "similar", "That is the largest programme of public housing since the 1970s",
         "The Affordable Homes Act promises 200,000 social homes"),
        (True, "similar", "We will fund it with a tax on empty second homes",
         "It will be paid for by a new levy on empty second homes"),
        (True, "differs", "including eleven members of the opposition",
         "Twelve opposition lawmakers broke ranks"),
        (True, "similar", "The opposition leader called the bill a betrayal of the middle class",
         "Opposition leader Marc Lefebvre denounced the law"),
        (True, "differs", "I say that a young nurse who cannot rent a flat",
         "A young nurse who cannot rent near her hospital"),
        (True, "differs", "We did not betray anyone.", "We betrayed no one."),
        (True, "differs", "We kept our promise.", "We kept our word."),
        (True, "similar", "The first building sites will open in the spring.",
         "Construction on the first sites is due to begin next spring"),
        (True, "similar", "We expect the first 15,000 homes to be finished",
         "Construction on the first sites is due to begin next spring"),
        (True, "differs", "Rents in the new homes will be capped at 30 percent",
         "Rents in the new buildings will be capped at a third"),
        (True, "similar", "The Senate will vote in December",
         "The bill now goes to the Senate"),
        (False, "similar", "The Senate still has to approve the bill", "The bill now goes to the Senate"),
    ],
    "ferry": [
        (True, "differs", "A passenger ferry capsized in rough seas off the island of Buton",
         "Eleven people have died after a ferry sank"),
        (True, "similar", "Fourteen people were still missing", "as the search for 14 others continued"),
        (True, "similar", "Fourteen people were still missing",
         "More than 60 people have been pulled from the water alive"),
        (True, "differs", "The ferry left the port of Baubau at about 9 p.m. on March 3",
         "departed Baubau harbour on Wednesday night, March 4"),
        (True, "similar", "The ferry left the port of Baubau at about 9 p.m. on March 3",
         "It capsized about two hours into the voyage"),
        (True, "similar", "\"The weather was very bad, the waves were very high",
         "Yusuf Latif blamed the weather and overloading"),
        (True, "differs", "\"The weather was very bad, the waves were very high",
         "\"The waves were very high and the ship was carrying too much cargo,\" he said."),
        (True, "similar", "The KM Sinar Harapan was carrying 95 people",
         "The manifest listed 95 passengers and crew"),
        (True, "similar", "Rescuers were searching an area of about 30 square nautical miles",
         "Four boats and a helicopter were combing the area"),
        (True, "similar", "Ferry accidents are common in Indonesia",
         "Indonesia, which has more than 17,000 islands"),
        (True, "similar", "In 2018, more than 160 people died when a ferry sank",
         "Rescuers in Lake Toba searched for weeks"),
    ],
}

# (a_sentence, b_sentence, a value, b value, what)
NUMBERS = {
    "quake": [
        ("killing at least 27 people", "At least 31 people have died", "27", "31", "death toll"),
        ("The quake hit at 3:42 a.m.", "The tremor, which struck at 03:40 local time",
         "3:42 a.m.", "03:40", "time of the quake"),
        ("A magnitude 6.1 earthquake", "measured 6.0 according to the US Geological Survey",
         "6.1", "6.0", "magnitude"),
    ],
    "rail": [
        ("eight of its ten cars", "Seven of the train's ten cars", "eight", "Seven", "cars derailed"),
        ("was carrying 141 passengers and 16 crew members", "Amtrak said 147 passengers and 13 crew",
         "141", "147", "passengers"),
        ("was carrying 141 passengers and 16 crew members", "Amtrak said 147 passengers and 13 crew",
         "16", "13", "crew"),
    ],
    "layoffs": [
        ("it would cut about 12,000 jobs", "eliminating roughly ten thousand positions",
         "12,000", "ten thousand", "jobs cut"),
        ("or 6 percent of its global workforce", "about 5% of its staff", "6 percent", "5%",
         "share of staff"),
    ],
    "fire": [
        ("had burned about ten thousand acres", "has grown to 12,400 acres", "ten thousand",
         "12,400", "area burned"),
        ("forced some 3,000 residents", "cover more than 4,000 people", "3,000", "4,000",
         "people evacuated"),
    ],
    "vote": [
        ("by 312 votes to 287", "by 312 votes to 285", "287", "285", "votes against"),
        ("including eleven members of the opposition", "Twelve opposition lawmakers", "eleven",
         "Twelve", "opposition members voting for"),
        ("capped at 30 percent", "capped at a third", "30 percent", "a third", "rent cap"),
    ],
    "ferry": [
        ("killing nine people", "Eleven people have died", "nine", "Eleven", "death toll"),
        ("at about 9 p.m. on March 3", "on Wednesday night, March 4", "March 3", "March 4",
         "departure date"),
    ],
}

QUOTES = {
    "quake": [("We are digging with our hands", "we are digging with our bare hands"),
              ("No family will be left alone", "No family will be abandoned")],
    "layoffs": [("they affect people who have given a great deal to this company",
                 "affect people who have given so much to this company"),
                ("move faster and put our resources where our customers are going",
                 "We need to move faster and put our resources where our customers are heading"),
                ("We see a clear path back to growth by the end of 2026",
                 "a clear path back to growth by the end of the year")],
    "fire": [("Don't wait for the knock on the door", "Don't wait for a knock on your door")],
    "vote": [("a young nurse who cannot rent a flat near her hospital is the middle class",
              "A young nurse who cannot rent near her hospital is the middle class"),
             ("We kept our promise", "We kept our word")],
    "ferry": [("the waves were very high, and the ship was overloaded with cargo",
               "The waves were very high and the ship was carrying too much cargo")],
}

# (side, sentence substring)
UNIQUE = {
    "quake": [("a", "Schools across the province will remain closed until Wednesday"),
              ("a", "Aftershocks of up to magnitude 4.2"),
              ("a", "put the magnitude at 5.9"),
              ("b", "Officials said 14 people were still unaccounted for")],
    "rail": [("a", "It was not immediately clear what caused the derailment"),
             ("a", "carries about 430,000 passengers a year"),
             ("b", "was last involved in a fatal accident in 1999")],
    "layoffs": [("b", "the cuts will fall hardest on the company's consumer router division")],
    "fire": [("a", "One firefighter suffered minor burns"),
             ("a", "No deaths have been reported")],
    "vote": [("b", "This government is taxing people who saved all their lives"),
             ("b", "Property developers welcomed the bill"),
             ("a", "I am confident.")],
    "ferry": [("a", "the provincial death toll from floods and landslides rose to 23"),
              ("b", "said he clung to a plastic barrel"),
              ("b", "I prayed the whole time")],
}

COMPATIBLE = {
    "quake": [("More than 200", "About 250"), ("9-year-old", "nine-year-old"),
              ("309", "More than 300")],
    "rail": [("about 4 p.m.", "around 3:55 p.m."), ("dozens", "more than 50")],
    "layoffs": [("3.4%", "more than 3%"), ("4,000 workers", "about 4,000 employees")],
    "fire": [("At least 40", "43"), ("More than 1,100", "About 1,200"),
             ("shortly after 2 p.m.", "around 2:15 p.m.")],
    "ferry": [("72", "More than 60")],
}


def once(text: str, sub: str, where: str) -> None:
    n = text.count(sub)
    if n != 1:
        raise SystemExit(f"{sub!r} occurs {n} times in {where}")


def main() -> None:
    lines = [{"type": "meta", "note": (
        "Blind gold for sidelight compare: six pairs of news reports written for this set "
        "(see SOURCES.md), gold written before the comparison ran on them. Same format and "
        "rules as the development gold on the seeds.")}]
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
