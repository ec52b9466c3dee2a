-- Who created each step template, so an Editor changes (edits, retires, restores) only the templates they created.
-- NULL for the five built-ins and for every template that existed before this migration: nobody recorded who made
-- those, so from now on only Admins may change them (built-ins are Admin-only in any case). A deleted user's templates
-- fall back to the same Admin-only state.
ALTER TABLE step_templates ADD COLUMN created_by_user_id bigint NULL REFERENCES users (id) ON DELETE SET NULL;
