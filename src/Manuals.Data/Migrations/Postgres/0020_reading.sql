-- What each reader keeps at hand on the home page: their favourite manuals (お気に入り) and the manuals they opened
-- last (最近見たマニュアル, one row per manual with the latest time, trimmed to the newest 50 by the store).
CREATE TABLE manual_favorites (
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    manual_id bigint NOT NULL REFERENCES manuals (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, manual_id)
);

CREATE TABLE manual_views (
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    manual_id bigint NOT NULL REFERENCES manuals (id) ON DELETE CASCADE,
    viewed_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, manual_id)
);

CREATE INDEX ix_manual_views_user_viewed ON manual_views (user_id, viewed_at);
