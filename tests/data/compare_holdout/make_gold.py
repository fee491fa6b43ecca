# ruff: noqa: E501 -- gold rows read best one to a line
"""Writes gold.jsonl for the held-out comparison set (the same format as the development gold
on the seeds): run once after editing the lists below; every substring must be unique."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent

PAIRS = {
    "mine": ("mine_wire.txt", "mine_broadcaster.txt"),
    "rates": ("rates_business.txt", "rates_news.txt"),
    "storm": ("storm_wire.txt", "storm_local.txt"),
    "recall": ("recall_wire.txt", "recall_tech.txt"),
}

# (sure, relation, a, b)
ALIGN = {
    "mine": [
        (True, "differs", "killing at least 22 miners",
         "At least 25 people have been killed in an explosion"),
        (True, "similar", "A methane explosion tore through a coal mine",
         "thought to have been caused by a build-up of firedamp gas"),
        (True, "differs", "About 40 workers were still trapped underground",
         "Rescuers are still trying to reach 37 miners"),
        (True, "similar", "There were 110 miners in the pit",
         "said 110 workers had been inside the mine at the time"),
        (True, "differs", "when the blast happened at 6:15 p.m.",
         "struck at about 18:30 local time on Wednesday"),
        (True, "differs", "We are doing everything humanly possible to reach our brothers below",
         "We are doing everything we can to reach our brothers"),
        (True, "differs", "\"Every minute counts.\"", "\"Every minute matters.\""),
        (True, "similar", "Rescue teams had brought 48 miners to the surface alive",
         "Nearly 50 miners were rescued"),
        (True, "similar", "Hundreds of relatives gathered in the rain outside the mine gates",
         "Anxious families waited through the night outside the mine"),
        (True, "similar", "Prosecutors have opened an investigation into the cause of the explosion.",
         "Officials have launched an inquiry into what caused the explosion."),
        (True, "similar", "Turkey's worst mining disaster killed 301 workers at Soma in 2014.",
         "In 2014, 301 miners died in a fire at a mine in Soma"),
        (False, "similar", "killing at least 22 miners",
         "The blast, thought to have been caused"),
    ],
    "rates": [
        (True, "similar", "lowered its benchmark overnight rate by 50 basis points to 2.75%",
         "has cut its key interest rate by half a percentage point"),
        (True, "differs", "its third cut this year",
         "It is the central bank's fourth rate reduction of 2026."),
        (True, "differs", "We are prepared to do more if needed",
         "We're ready to go further if that's what the economy needs"),
        (False, "similar", "said further reductions were likely if the economy kept weakening",
         "We're ready to go further if that's what the economy needs"),
        (True, "differs", "Annual inflation slowed to 1.8% in September",
         "Consumer prices rose 1.9 per cent in the 12 months to September"),
        (True, "similar", "The jobless rate rose to 7.1% in September",
         "Unemployment has risen to 7.1 per cent"),
        (True, "similar", "Markets had priced in a 25-basis-point cut.",
         "Most analysts had expected a smaller move of a quarter point."),
        (True, "similar", "The bank now expects the economy to grow 1.1% this year",
         "The bank cut its growth forecast for this year to 1.1 per cent."),
        (True, "differs", "The next rate decision is due on Dec. 9.",
         "Leclerc will next announce a decision on Dec. 10."),
        (False, "similar", "its third cut this year",
         "Unemployment has risen to 7.1 per cent"),
    ],
    "storm": [
        (True, "differs", "made landfall near Grand Isle, Louisiana, early Monday",
         "roared ashore near Grand Isle before dawn Monday"),
        (True, "differs", "The storm came ashore at about 4 a.m. CDT",
         "The center of the storm crossed the coast around 5 a.m."),
        (True, "differs", "Two people were killed when a tree fell on their car",
         "Three people died in Lafourche Parish"),
        (True, "differs", "This is not the time to go sightseeing",
         "Please do not go out and look at the damage"),
        (True, "differs", "\"Stay off the roads.\"", "Stay home and stay off the roads."),
        (False, "similar", "Gov. Ray Thibodeaux urged residents to stay indoors.",
         "Stay home and stay off the roads."),
        (False, "similar", "Forecasters warned of a storm surge of up to 12 feet",
         "water from the storm surge rose to the windows"),
        (True, "similar", "By midday Delia had weakened to a Category 1 hurricane",
         "Delia was downgraded to a Category 1 storm by noon"),
        (True, "similar", "About 1,500 National Guard troops were deployed",
         "The Louisiana National Guard said 1,500 soldiers were helping with rescues."),
    ],
    "recall": [
        (True, "differs", "Halvorsen Motors is recalling about 290,000 sport utility vehicles",
         "Halvorsen is calling back more than 312,000 Ridgeback SUVs"),
        (True, "similar", "The recall covers Ridgeback SUVs from the 2023 to 2025 model years.",
         "Halvorsen is calling back more than 312,000 Ridgeback SUVs"),
        (True, "differs", "aware of four crashes and two injuries",
         "knows of three accidents and two people hurt"),
        (True, "similar", "Dealers will inspect and, if needed, replace the anchor bolts free of charge.",
         "Dealerships will check the bolts and swap them out at no cost"),
        (True, "similar", "Owners will be notified by mail starting Sept. 15.",
         "Dealerships will check the bolts and swap them out at no cost"),
        (True, "similar", "The carmaker recalled 95,000 vehicles in March over a fuel-pump defect.",
         "It's the company's second recall this year"),
    ],
}

# (a sentence, b sentence, a figure, b figure, what)
NUMBERS = {
    "mine": [
        ("killing at least 22 miners", "At least 25 people have been killed", "22", "25", "death toll"),
        ("About 40 workers were still trapped", "still trying to reach 37 miners", "40", "37",
         "miners trapped"),
        ("when the blast happened at 6:15 p.m.", "struck at about 18:30 local time", "6:15 p.m.",
         "18:30", "time of the blast"),
    ],
    "rates": [
        ("its third cut this year", "It is the central bank's fourth rate reduction", "third",
         "fourth", "cuts this year"),
        ("Annual inflation slowed to 1.8% in September", "Consumer prices rose 1.9 per cent",
         "1.8%", "1.9 per cent", "inflation in September"),
        ("The next rate decision is due on Dec. 9.", "Leclerc will next announce a decision on Dec. 10.",
         "Dec. 9", "Dec. 10", "date of the next decision"),
    ],
    "storm": [
        ("maximum sustained winds of 120 mph", "with winds of 115 mph", "120 mph", "115 mph",
         "wind speed at landfall"),
        ("knocking out power to about 380,000 customers", "leaving roughly 450,000 homes and businesses",
         "380,000", "450,000", "customers without power"),
        ("The storm came ashore at about 4 a.m. CDT", "crossed the coast around 5 a.m.", "4 a.m.",
         "5 a.m.", "time of landfall"),
        ("Two people were killed when a tree fell", "Three people died in Lafourche Parish", "Two",
         "Three", "death toll"),
    ],
    "recall": [
        ("recalling about 290,000 sport utility vehicles", "calling back more than 312,000 Ridgeback",
         "290,000", "312,000", "vehicles recalled"),
        ("aware of four crashes and two injuries", "knows of three accidents and two people hurt",
         "four", "three", "crashes"),
    ],
}

QUOTES = {
    "mine": [("We are doing everything humanly possible to reach our brothers below",
              "We are doing everything we can to reach our brothers"),
             ("Every minute counts.", "Every minute matters.")],
    "rates": [("We are prepared to do more if needed",
               "We're ready to go further if that's what the economy needs")],
    "storm": [("This is not the time to go sightseeing", "Please do not go out and look at the damage"),
              ("\"Stay off the roads.\"", "Stay home and stay off the roads.")],
}

UNIQUE = {
    "mine": [("a", "The state-run mine in the town of Amasra employs around 900 people."),
             ("b", "A mine worker who escaped, Hasan Demir, said the lights went out"),
             ("b", "I crawled for an hour in the dark"),
             ("b", "The president was due to visit the site on Thursday.")],
    "rates": [("a", "The Canadian dollar fell 0.6% to 71.20 U.S. cents"),
              ("b", "For homeowners with variable-rate mortgages")],
    "storm": [("a", "The storm is the fourth hurricane of the Atlantic season."),
              ("b", "Utility crews from 14 states were on their way"),
              ("b", "Schools in Lafourche and Terrebonne parishes will stay closed")],
    "recall": [("a", "Halvorsen shares fell 2.3% in afternoon trading."),
               ("b", "said the fix takes less than an hour"),
               ("b", "Customers' safety is our first priority")],
}

COMPATIBLE = {
    "mine": [("48", "Nearly 50"), ("110", "110"), ("Wednesday evening", "18:30")],
    "rates": [("50 basis points", "half a percentage point"), ("25-basis-point", "a quarter point"),
              ("2.75%", "2.75 per cent"), ("1.1%", "1.1 per cent")],
    "storm": [("About 1,500", "1,500"), ("Category 1", "Category 1")],
    "recall": [("Sept. 15", "September 15"), ("95,000", "95,000")],
}

NOTE = (
        "Held-out gold for sidelight compare: four pairs of news reports written for this set "
        "(see SOURCES.md), gold written before the comparison ran on them. Same format and "
        "rules as the development gold on the seeds.")


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent))
    from compare_gold_writer import write_gold

    write_gold(HERE, NOTE, PAIRS, ALIGN, NUMBERS, QUOTES, UNIQUE, COMPATIBLE)
