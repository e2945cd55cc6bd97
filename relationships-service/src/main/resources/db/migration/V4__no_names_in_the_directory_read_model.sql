-- Practitioner events no longer carry a name (the .v2 types), and nothing here showed it: the read model
-- keeps only the facts relationships are placed and checked by.
alter table practitioner drop column display_name;
