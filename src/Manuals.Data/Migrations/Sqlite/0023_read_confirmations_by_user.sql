-- Coverage reads what a page's employees confirmed having read (読みました) through their user accounts: by user, not by
-- manual as the primary key is ordered.
CREATE INDEX ix_read_confirmations_user ON read_confirmations (user_id);
