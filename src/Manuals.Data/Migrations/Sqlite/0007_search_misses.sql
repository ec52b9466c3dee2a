-- Searches that found nothing or little (at most 2 manuals), counted per normalised query for writers' to-do list.
-- Deliberately no user, no address and no time finer than the day: only what was searched, how often, when last.
-- last_day is an ISO date (yyyy-MM-dd) as text on both engines.
CREATE TABLE search_misses (
    id INTEGER PRIMARY KEY,
    query TEXT NOT NULL UNIQUE,
    search_count INTEGER NOT NULL,
    last_day TEXT NOT NULL,
    last_hits INTEGER NOT NULL
);
