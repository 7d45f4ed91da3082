-- The party's stored address, telephone and identity number, kept with its publication so that every text published
-- later (the review's text, corrections and their reasons, the withdrawal reason) is masked against them: a natural
-- person's address, telephone and identity number are never public, wherever they appear and however written
-- (RULES 1.8; 《政府信息公开条例》第十五条). Never selected into a public view. Publications made before this column
-- existed have none: their later texts are masked by format only.
ALTER TABLE sl_publication ADD COLUMN party_address VARCHAR(1000);
ALTER TABLE sl_publication ADD COLUMN party_phone VARCHAR(100);
ALTER TABLE sl_publication ADD COLUMN party_id_number VARCHAR(64);
