-- The credential that qualified each inspector of a draw's pool (name and 执法证件号, keyed by user id), recorded at the
-- draw: the public verification shows officers by it (国办发〔2018〕118号二(五)) instead of their login ids, and a
-- credential suspended, revoked or edited later must not change what the draw is shown to have been made from.
ALTER TABLE sl_inspection_draw ADD COLUMN pool_json LONGTEXT;
