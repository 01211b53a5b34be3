"""Stage 4, facts: from entities to what a report states.

Enters: the clean text, the section tree and the entities. Leaves: indicators (each figure linked
to what it measures, its places, period and status) and findings.

- :mod:`.measures`: what a figure measures, from the words before it in its clause;
- :mod:`.status`: whether a figure is a target or achieved, from its clause and its section;
- :mod:`.link`: each quantity as an :class:`~govextract.models.Indicator` (measure, places or
  region, period, status); rules in ``data/linking.json``;
- :mod:`.findings`: the report's own inconsistencies, each a :class:`~govextract.models.Finding`.
"""
