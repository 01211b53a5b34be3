"""Stage 4, facts: from entities to what a report states.

Enters: the clean text, the section tree and the entities. Leaves: indicators (each figure linked
to what it measures, its places, period and status), the report's jurisdiction, year and genre,
its panel cells and findings.

- :mod:`.measures`: what a figure measures, from the words before it in its clause;
- :mod:`.status`: whether a figure is a target or achieved, from its clause and its section;
- :mod:`.link`: each quantity as an :class:`~govextract.models.Indicator` (measure, places or
  region, period, status); rules in ``data/linking.json``;
- :mod:`.context`: who and when — the issuing jurisdiction, the year and the genre
  (``data/genres.json``);
- :mod:`.vocabulary`: the headline indicators and their written forms (``data/indicators.json``,
  extendable by a user's file);
- :mod:`.panel`: each headline figure as a :class:`~govextract.models.PanelCell` (indicator code,
  kind, year, status, scope), also written onto its indicator;
- :mod:`.panel_table`: many documents' cells as one long or wide table;
- :mod:`.findings`: the report's own inconsistencies, each a :class:`~govextract.models.Finding`.
"""
