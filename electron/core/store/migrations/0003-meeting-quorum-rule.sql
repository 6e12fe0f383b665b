-- The quorum rule in force when a meeting was held is kept with the meeting, so changing the
-- board's rule later never rewrites whether an old (possibly approved and locked) meeting was quorate.
ALTER TABLE meeting ADD COLUMN quorum_count INTEGER CHECK (quorum_count IS NULL OR quorum_count >= 1);
ALTER TABLE meeting ADD COLUMN quorum_role TEXT
  CHECK (quorum_role IS NULL OR quorum_role IN ('any', 'elected_member', 'officer', 'partner_agency', 'young_person', 'adviser'));
ALTER TABLE meeting ADD COLUMN quorum_voting_only INTEGER CHECK (quorum_voting_only IS NULL OR quorum_voting_only IN (0, 1));

-- Meetings already held take the board's current rule: the best record there is. Approved
-- meetings are locked by a trigger, so it steps aside for this one update and comes straight back.
DROP TRIGGER meeting_locked;
UPDATE meeting SET
  quorum_count = (SELECT quorum_count FROM board WHERE id = 1),
  quorum_role = (SELECT quorum_role FROM board WHERE id = 1),
  quorum_voting_only = (SELECT quorum_voting_only FROM board WHERE id = 1)
WHERE status IN ('in_progress', 'minutes_draft', 'minutes_approved') AND EXISTS (SELECT 1 FROM board WHERE id = 1);
CREATE TRIGGER meeting_locked BEFORE UPDATE ON meeting
WHEN OLD.status = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; record a correction as an amendment'); END;
