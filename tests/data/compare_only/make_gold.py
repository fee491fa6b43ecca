# ruff: noqa: E501 -- gold rows read best one to a line
"""Writes gold.jsonl for the "only this source" set (the same format as the development gold
on the seeds): run once after editing the lists below; every substring must be unique."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent

PAIRS = {
    "bridge": ("bridge_local.txt", "bridge_wire.txt"),
    "museum": ("museum_daily.txt", "museum_broadcaster.txt"),
    "launch": ("launch_wire.txt", "launch_science.txt"),
    "hospital": ("hospital_news.txt", "hospital_wire.txt"),
}

# (sure, relation, a, b)
ALIGN = {
    "bridge": [
        (True, "similar", "The Kestrel Street bridge in Dunmore was closed to all traffic on Monday evening",
         "A road bridge on one of the busiest routes into the English town of Dunmore has been shut indefinitely"),
        (True, "similar", "after engineers found cracks in two of its steel supports",
         "Inspectors found fractures in a pair of steel girders beneath the crossing"),
        (True, "similar", "About 18,000 vehicles cross the bridge every day",
         "The 58-year-old bridge is used by roughly 18,000 cars and lorries a day"),
        (True, "similar", "Drivers face diversions of up to twenty minutes through the town centre.",
         "Motorists are being sent through the town centre, adding as much as twenty minutes"),
        (True, "similar", "The cracks were spotted during a routine inspection carried out by the contractor Pellow & Finch.",
         "The faults came to light during a scheduled check of the structure."),
        (True, "same", "\"We could not take any risk with people's safety,\" said council leader Martin Okafor.",
         "\"We could not take any risk with people's safety,\" he said."),
        (True, "similar", "\"We could not take any risk with people's safety,\" said council leader Martin Okafor.",
         "Council leader Martin Okafor told reporters that safety had to come first."),
        (True, "similar", "The bridge, which opened in 1968, carries the main road from the ring road to the hospital.",
         "is the quickest way to Dunmore General Hospital"),
        (True, "similar", "Shop owners on Kestrel Street fear that a long closure would hit trade",
         "Local businesses warned that a lengthy shutdown could ruin the Christmas trading season."),
        (True, "similar", "Engineers expect to know by the end of next week how long the repairs will take.",
         "It could take up to ten days before engineers can say how long the work will last"),
    ],
    "museum": [
        (True, "similar", "Three paintings were stolen from the Harwick Museum of Art early on Sunday",
         "Thieves have stolen three old master paintings from a museum in Harwick"),
        (True, "similar", "The works include a landscape by the Dutch painter Jacob van Ruisdael",
         "Among the stolen works is a seventeenth-century landscape by Ruisdael."),
        (True, "similar", "The thieves broke in through a skylight on the roof shortly after 3 a.m.",
         "The raiders entered the building through a roof light at about 3:10 a.m."),
        (False, "similar", "in a raid that lasted less than ten minutes",
         "and were gone within minutes"),
        (True, "similar", "A night guard raised the alarm, but the thieves had fled before officers arrived.",
         "A guard on duty called the police, who arrived to find the thieves already gone."),
        (True, "similar", "\"It is a black day for the museum and for the city,\" Kessler said.",
         "Museum director Anna Kessler described the theft as a black day for the museum and for the city."),
        (True, "similar", "The museum, which holds about 4,000 works, will stay closed until Wednesday.",
         "The museum will remain shut to visitors for three days."),
        (True, "similar", "Detectives are examining footage from security cameras in the surrounding streets.",
         "Investigators are studying CCTV recordings from nearby streets."),
    ],
    "launch": [
        (True, "similar", "A rocket carrying a European weather satellite failed about four minutes after lift-off on Tuesday",
         "Europe lost a new weather satellite on Tuesday night when the rocket carrying it failed shortly after launch from French Guiana."),
        (True, "similar", "The Vesta-2 rocket lifted off from the Guiana Space Centre at 21:02 local time.",
         "The rocket had left the pad in Kourou a couple of minutes after 9 p.m. local time."),
        (True, "similar", "Telemetry showed that the second stage did not ignite, Orbis Launch said in a statement.",
         "The flight appeared normal until the rocket's second stage failed to fire"),
        (True, "similar", "The satellite, built for the European Organisation for the Exploitation of Meteorological Satellites (EUMETSAT), was lost.",
         "Europe lost a new weather satellite on Tuesday night when the rocket carrying it failed shortly after launch from French Guiana."),
        (True, "similar", "The satellite cost about 300 million euros to build and launch, according to EUMETSAT.",
         "Eumetsat, the European weather satellite agency, said the mission had cost around 300 million euros."),
        (True, "similar", "Orbis Launch chief executive Claire Moreau said an independent commission would investigate the failure.",
         "Orbis Launch has set up a board of inquiry independent of the company to find the cause."),
        (True, "similar", "It was the first failure in 14 flights of the Vesta-2 since it entered service in 2021.",
         "Until this week the Vesta-2 had flown 13 times without a failure."),
        (True, "similar", "The next Vesta-2 launch, planned for November, has been postponed.",
         "The company's later launches this year are on hold."),
    ],
    "hospital": [
        (True, "similar", "Hundreds of operations have been cancelled at two hospitals in Brenton after a cyber attack shut down their computer systems",
         "Two British hospitals have postponed about 600 operations and appointments after a ransomware attack crippled their computer networks"),
        (True, "similar", "The attack hit the Brenton and District NHS Trust on Saturday night, encrypting patient records and blood test systems.",
         "Hackers struck Brenton and District NHS Trust late on Saturday, locking staff out of medical records and laboratory systems."),
        (True, "similar", "Staff have gone back to pen and paper to keep wards running.",
         "Doctors and nurses are recording patient information by hand."),
        (True, "similar", "About 600 planned operations and appointments have been postponed this week.",
         "Two British hospitals have postponed about 600 operations and appointments after a ransomware attack crippled their computer networks"),
        (True, "similar", "Emergency departments remain open, but ambulances are being sent to other hospitals where possible.",
         "Accident and emergency units are still taking patients, though some ambulances are being diverted to neighbouring hospitals."),
        (True, "similar", "The National Cyber Security Centre is helping the trust to restore its systems.",
         "Specialists from the NCSC, part of the GCHQ intelligence agency, are working with the trust."),
        (True, "similar", "The trust's chief executive, Dr Fiona Marsh, said patients should attend appointments unless they are contacted.",
         "Marsh said that unless patients are told otherwise they should come to their appointments as planned."),
        (True, "similar", "A criminal group calling itself Quillfire has claimed responsibility on a website it runs on the dark web.",
         "Quillfire, a ransomware gang that first appeared last year, said on its leak site that it was behind the attack."),
        (True, "similar", "The group says it stole 400 gigabytes of data and has demanded a ransom.",
         "The gang claims to have taken 400 gigabytes of files, including patient data."),
    ],
}

NUMBERS: dict[str, list[tuple[str, str, str, str, str]]] = {}

QUOTES: dict[str, list[tuple[str, str]]] = {}

UNIQUE = {
    "bridge": [("a", "Number 12 and 14 buses will be rerouted over the Mill Lane crossing until further notice."),
               ("a", "\"If this goes on for months, some of us will not survive,\" said Priya Nandra"),
               ("a", "Pedestrians can still use the footpath on the east side of the bridge."),
               ("b", "A similar closure of Hammersmith Bridge in London in 2019 lasted several years."),
               ("b", "The council said it would publish the inspection report in full.")],
    "museum": [("a", "Police have not put a value on the works, but experts said the Ruisdael alone could be worth several million euros."),
               ("a", "In 2011 the same museum lost a small bronze by Edgar Degas, which was never recovered."),
               ("b", "An art crime specialist at the University of Leiden, Marieke Smit, said stolen paintings this famous are almost impossible to sell."),
               ("b", "\"They will end up as a bargaining chip in the criminal underworld,\" she said."),
               ("b", "The gallery's insurer, Norvale Mutual, said it was working closely with the police.")],
    "launch": [("a", "Shares in Orbis Launch's parent company fell 4% in Paris trading on Wednesday."),
               ("b", "The MTG-S3 satellite would have improved storm forecasts across Europe and Africa."),
               ("b", "\"This is a hard day for everyone who worked on this mission,\" said Eumetsat director general Paul Hartmann."),
               ("b", "Engineers said the satellite's twin, MTG-S4, is due to be finished in 2028.")],
    "hospital": [("a", "Last year a similar attack on pathology services disrupted care at hospitals in south-east London for months."),
                 ("b", "A spokesperson for the trust would not say whether it would pay a ransom."),
                 ("b", "The government's policy is that public bodies should not pay.")],
}

COMPATIBLE = {
    "bridge": [("About 18,000", "roughly 18,000"), ("1968", "58-year-old"),
               ("up to twenty minutes", "as much as twenty minutes")],
    "museum": [("shortly after 3 a.m.", "about 3:10 a.m."), ("until Wednesday", "three days")],
    "launch": [("21:02", "a couple of minutes after 9 p.m."), ("about 300 million euros", "around 300 million euros"),
               ("14 flights", "13 times")],
    "hospital": [("Hundreds", "about 600"), ("400 gigabytes of data", "400 gigabytes of files")],
}

NOTE = (
        "Gold for the '+' mark (only this source tells it): four pairs of news reports written "
        "for this set (see README.md), gold written before the comparison ran on them: claims "
        "both reports tell in other words (often with a name, a time or a figure only one of "
        "them adds) and sentences only one of them tells. Same format and rules as the "
        "development gold on the seeds.")


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent))
    from compare_gold_writer import write_gold

    write_gold(HERE, NOTE, PAIRS, ALIGN, NUMBERS, QUOTES, UNIQUE, COMPATIBLE)
