-- Sign-offs by the people themselves (issue #11). One per successor, so the key holds the person signing
-- (employee_id; 0 for the manager, who is the signed-in manager of the handover rather than a person on its list);
-- the account that recorded it; and whether it was recorded on that person's behalf (by an Admin, or by a manager for
-- someone without an account). Earlier sign-offs were free text: a successor's goes to the first successor on the
-- checklist (its only one in the usual case), a predecessor's to the predecessor, and one whose name differs from its
-- recorder's counts as recorded on behalf.
CREATE TABLE handover_signoffs (
    handover_id INTEGER NOT NULL REFERENCES handovers (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('Predecessor', 'Successor', 'Manager')),
    employee_id INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL,
    signed_on TEXT NOT NULL,
    recorded_by_user_id INTEGER NULL REFERENCES users (id) ON DELETE SET NULL,
    recorded_by_name TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    on_behalf INTEGER NOT NULL DEFAULT 0 CHECK (on_behalf IN (0, 1)),
    PRIMARY KEY (handover_id, role, employee_id)
);

INSERT INTO handover_signoffs (handover_id, role, employee_id, name, signed_on, recorded_by_user_id, recorded_by_name, recorded_at, on_behalf)
SELECT s.handover_id,
       s.role,
       CASE s.role
           WHEN 'Predecessor' THEN h.employee_id
           WHEN 'Successor' THEN COALESCE(
               (SELECT i.successor_id FROM handover_items i
                WHERE i.handover_id = s.handover_id AND i.successor_id IS NOT NULL
                ORDER BY i.position LIMIT 1), 0)
           ELSE 0
       END,
       s.name,
       s.signed_on,
       NULL,
       s.recorded_by_name,
       s.recorded_at,
       CASE WHEN s.name = s.recorded_by_name THEN 0 ELSE 1 END
FROM handover_signatures s
JOIN handovers h ON h.id = s.handover_id;

DROP TABLE handover_signatures;
