-- The data-protection key ring (the keys that protect sign-in and antiforgery cookies), shared by every web node so a
-- cookie issued by one is read by the others (issue #11, sessions across nodes). Keys are XML written by ASP.NET Core.
CREATE TABLE data_protection_keys (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    xml TEXT NOT NULL,
    created_at TEXT NOT NULL
);
