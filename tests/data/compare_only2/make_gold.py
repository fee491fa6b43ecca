# ruff: noqa: E501 -- gold rows read best one to a line
"""Writes gold.jsonl for the second "only this source" set, the check set (the same format as
the development gold on the seeds): run once after editing the lists below; every substring
must be unique."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent

PAIRS = {
    "water": ("water_council.txt", "water_wire.txt"),
    "marathon": ("marathon_sport.txt", "marathon_news.txt"),
}

# (sure, relation, a, b)
ALIGN = {
    "water": [
        (True, "similar", "About 40,000 households in Ashcombe have been told to boil their tap water after routine tests found E. coli bacteria in the supply",
         "Tens of thousands of homes in the English town of Ashcombe have been advised to boil drinking water after E. coli was detected at a treatment plant"),
        (True, "similar", "Tests at the Highmoor treatment works on Monday showed traces of the bacteria, Severnvale Water said.",
         "The bacteria turned up in samples taken at the Highmoor works on Monday, Severnvale Water said in a statement on Tuesday."),
        (True, "similar", "Residents should bring water to a rolling boil and let it cool before drinking it, brushing their teeth or preparing food.",
         "The company told customers to boil water and allow it to cool before using it for drinking, cooking or cleaning teeth."),
        (True, "similar", "The company is handing out bottled water at three stations, including the Ashcombe leisure centre car park.",
         "Bottled water is being distributed at three sites in the town."),
        (True, "similar", "Severnvale's operations director, Colin Ferris, said the notice would stay in place until three consecutive tests came back clear.",
         "The advice will remain until three clean test results in a row, director Colin Ferris said."),
        (True, "similar", "\"We are very sorry for the inconvenience this is causing,\" he said.",
         "Ferris apologised for the disruption to customers."),
    ],
    "marathon": [
        (True, "similar", "Kenya's Elias Kiprono broke the men's marathon world record in Rotterdam on Sunday, finishing in 2:00:21.",
         "Elias Kiprono of Kenya set a world record in the Rotterdam Marathon on Sunday, crossing the line in two hours, 21 seconds."),
        (True, "similar", "The 26-year-old cut 14 seconds from the previous mark, set in Chicago in 2023.",
         "He took 14 seconds off the old record."),
        (True, "similar", "Kiprono ran alone for the last 12 kilometres after his pacemakers dropped out.",
         "The runner was on his own from around the 30-kilometre mark, when the last pacemaker stepped aside."),
        (True, "similar", "Conditions were close to perfect, with a temperature of 9C and almost no wind.",
         "It was cool and still on the Dutch course, ideal weather for fast times."),
        (True, "same", "\"I came here to break the record and I did it,\" Kiprono said.",
         "\"I came here to break the record and I did it,\" said the Kenyan"),
        (True, "similar", "Ethiopia's Tadesse Bekele finished second, more than two minutes behind.",
         "Tadesse Bekele of Ethiopia was runner-up in 2:02:40."),
        (True, "similar", "World Athletics said the record would be ratified after the usual doping tests.",
         "The record still needs to be ratified, a process that includes drug testing."),
    ],
}

NUMBERS: dict[str, list[tuple[str, str, str, str, str]]] = {}

QUOTES: dict[str, list[tuple[str, str]]] = {}

UNIQUE = {
    "water": [("a", "Schools in the town will stay open, but will supply bottled water to pupils."),
              ("a", "The Highmoor works was upgraded at a cost of £12 million in 2021."),
              ("a", "Local MP Janet Owusu said she had written to the regulator asking for an urgent review."),
              ("a", "The company was fined £2.4 million last year for sewage spills into the River Ash."),
              ("b", "Public Health England said the risk of illness was low but that people should follow the advice."),
              ("b", "Hospitals and care homes have been given priority deliveries of bottled water."),
              ("b", "Severnvale, which supplies 1.2 million customers, has faced criticism over leaks and pollution."),
              ("b", "Its chief executive received a bonus of £480,000 last year, the company's annual report shows.")],
    "marathon": [("a", "\"Now the two-hour barrier is close.\""),
                 ("a", "Kiprono wore a prototype shoe from the Dutch brand Stridon, which is yet to go on sale."),
                 ("a", "Kiprono will receive a bonus of 50,000 euros from the race organisers."),
                 ("a", "The women's race was won by Uganda's Grace Nakato in 2:18:05."),
                 ("b", "Kiprono's coach, Renato Bellucci, said the athlete had trained at altitude for four months before the race."),
                 ("b", "Three Dutch runners set national records in the same race."),
                 ("b", "More than 17,000 people took part in the marathon.")],
}

COMPATIBLE = {
    "water": [("About 40,000", "Tens of thousands")],
    "marathon": [("2:00:21", "two hours, 21 seconds"), ("14 seconds", "14 seconds"),
                 ("the last 12 kilometres", "around the 30-kilometre mark")],
}

NOTE = (
        "Check gold for the '+' mark (only this source tells it): two pairs of news reports "
        "written for this set (see README.md) after the rules of the 'only' set had been "
        "chosen, gold written before the comparison ran on them; scored, never used for fixing. "
        "Same format and rules as the development gold on the seeds.")


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent))
    from compare_gold_writer import write_gold

    write_gold(HERE, NOTE, PAIRS, ALIGN, NUMBERS, QUOTES, UNIQUE, COMPATIBLE)
