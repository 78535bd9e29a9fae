"""Document structure: sentences, clauses, the year sections of a report and the time of a mention.

A work report speaks of one year as done (`review`) and of another as to do (`plan`); the year and
the mode of the part a mention sits in give the mention its place on the project's timeline.
Headings say which part is which, but not always truthfully (a "2021年工作计划" over finished
results is a review), so the body of each part is read too. Everything here is generic cue words;
nothing is keyed to one report.

The modules, each importing only those listed before it:

- `clauses`: sentence and clause spans, and whether a stretch of text has a verb.
- `years`: the years a text names, not the horizons a plan aims at (`years_named`).
- `tense`: whether sentences report what was done or state what is to be done, and their vote.
- `headings`: the report's title and year-level headings, and the (year, mode) pairs they name.
- `published`: when a report was published, its "now" (`published`).
- `openings`: what the first sentences say of a text (its opening year, news, an announcement).
- `dating`: the review and plan years of the parts that state none, from the strongest evidence.
- `trained`: the trained reading of a text with no heading (`unheaded_features`, `READING_MODES`).
- `turns`: a section cut where it turns to another year.
- `sections`: the document cut into year sections with their evidence (`find_sections`).
- `timing`: the section, year and mode of a mention (`time_of`, `section_at`).

Import a name from the module that holds it; the package itself exports nothing.
"""
