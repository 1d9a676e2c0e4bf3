-- A correction event may also be a revert: the field returns to the worker's extracted value.
ALTER TABLE corrections DROP CONSTRAINT corrections_action_check;
ALTER TABLE corrections ADD CONSTRAINT corrections_action_check
    CHECK (action IN ('correct', 'approve', 'revert'));
